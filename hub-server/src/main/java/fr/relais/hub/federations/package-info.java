/** The 102 federations (101 départements and the French abroad): a fixed catalogue, not stored data. */
package fr.relais.hub.federations;
