/**
 * The FraudPipeline API, {@code fraudpipeline.io/v1alpha1}. Field initializers carry the same
 * defaults as the schema's {@code @Default}s, so code that reads a spec the API server never
 * defaulted (render, tests, a mock server) sees what a user would see with {@code kubectl get}.
 */
package io.fraudpipeline.api.v1alpha1;
