/** Small vocabulary shared by every feature: error codes and the exception that carries them. */
package fr.relais.hub.common;
