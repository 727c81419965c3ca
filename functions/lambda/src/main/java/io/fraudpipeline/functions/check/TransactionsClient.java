package io.fraudpipeline.functions.check;

import java.io.IOException;

/** The pipeline's API as the check calls it, a client like any other. */
public interface TransactionsClient {

  /** An HTTP answer: status and body text. */
  record Answer(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** {@code POST /transactions} with this JSON body. */
  Answer post(byte[] json) throws IOException;

  /** {@code GET /transactions/{id}}. */
  Answer get(String transactionId) throws IOException;
}
