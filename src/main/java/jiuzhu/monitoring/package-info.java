/**
 * What managers and monitoring watch besides Cockpit: Micrometer metrics of open, warned and breached cases per
 * assistance type, county and township, how late SLA timers fire, and open incidents, exported for Prometheus; and
 * the webapps' Chinese locales (resources) that staff and managers read.
 */
package jiuzhu.monitoring;
