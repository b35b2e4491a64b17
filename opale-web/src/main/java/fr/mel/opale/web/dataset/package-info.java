/**
 * The dataset page people come for, {@code /catalogue/{id}} and its tabs (présentation, tableau, carte, graphique,
 * API, téléchargements, qualité): each tab a real address that works without JavaScript (the table's first page,
 * the chart's numbers as a table), enhanced by the ES modules of {@code src/main/frontend} (table through the OGC API,
 * MapLibre vector tiles, ECharts) loaded only on their tab.
 */
@NullMarked
package fr.mel.opale.web.dataset;

import org.jspecify.annotations.NullMarked;
