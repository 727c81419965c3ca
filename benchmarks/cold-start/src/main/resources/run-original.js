// Runs one of the original Node.js handlers outside Lambda, as its README says: AWS.config first
// (each handler builds its clients when it is loaded), then the handler over one event file.
// Prints "HANDLED <ms handling it> <response>" once the handler's promise settles.
const path = require('path');
const fs = require('fs');

const dir = process.env.ORIGINAL_DIR;
const AWS = require(path.join(dir, 'node_modules', 'aws-sdk'));
AWS.config.update({
  region: process.env.AWS_REGION,
  credentials: new AWS.Credentials(process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY),
});
AWS.config.dynamodb = { endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB };
AWS.config.lambda = { endpoint: process.env.AWS_ENDPOINT_URL_LAMBDA };
AWS.config.sns = { endpoint: process.env.AWS_ENDPOINT_URL_SNS };

const { handler } = require(path.join(dir, process.argv[2]));
const event = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const start = process.hrtime.bigint();
handler(event).then(
  (response) => {
    const ms = Number((process.hrtime.bigint() - start) / 1000000n);
    process.stdout.write('HANDLED ' + ms + ' ' + JSON.stringify(response) + '\n');
  },
  (error) => {
    process.stdout.write('FAILED ' + error + '\n');
    process.exitCode = 1;
  });
