/**
 * One authentication for everything: Spring Security checks passwords against Camunda's identity service,
 * Tasklist, Cockpit, Admin and the engine REST API accept that login, and the role groups' Camunda grants are
 * created by Jiuzhu, so that what a user may do is written down in one place and tested, not clicked together.
 */
package jiuzhu.security;
