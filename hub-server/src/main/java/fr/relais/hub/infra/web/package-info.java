/** REST plumbing shared by every feature: RFC 9457 problem responses and common beans. */
package fr.relais.hub.infra.web;
