/**
 * The organisation registry: the city, its counties, townships and villages by division code, loaded from a
 * data file an administrator replaces, each unit mirrored as a Camunda group so that work queues, candidate
 * groups and authorizations can name it. Staff are Camunda users who belong to their unit's group and a role group.
 */
package jiuzhu.org;
