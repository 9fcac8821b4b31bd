/**
 * Cross-cutting configuration: the settings production cannot start without, and the API's error format
 * (RFC 9457 problem details with a stable code and a Chinese and English message).
 */
package jiuzhu.system;
