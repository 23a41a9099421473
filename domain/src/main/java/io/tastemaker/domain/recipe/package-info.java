/** The recipe catalog: which Personalize recipes this server trains, and with which engine recipe. */
package io.tastemaker.domain.recipe;
