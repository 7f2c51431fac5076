/**
 * REST side of meetings ({@code /api/v1/meetings/**}, {@code /api/v1/me/calendar-feed}) and the public
 * calendar feed {@code /calendar/<secret>.ics}; thin: parse, call the domain, answer.
 */
package fr.relais.hub.meetings.web;
