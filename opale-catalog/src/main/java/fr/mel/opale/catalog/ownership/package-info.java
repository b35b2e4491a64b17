/**
 * Who owns an imported record: its publisher mapped to one of the platform's organisations ({@link
 * fr.mel.opale.catalog.ownership.PublisherOwners}), by the operator's mapping file ({@link
 * fr.mel.opale.catalog.ownership.OwnerRulesFile}) and by the organisations' own names.
 */
@NullMarked
package fr.mel.opale.catalog.ownership;

import org.jspecify.annotations.NullMarked;
