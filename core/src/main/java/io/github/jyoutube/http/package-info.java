/**
 * The client's HTTP layer: the one place that speaks HTTP, with authentication, retries and error
 * mapping. Internal: its types are public only so that the client's other packages can use them;
 * they may change in any release.
 */
package io.github.jyoutube.http;
