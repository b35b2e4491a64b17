// The table's status sentence, chosen among the cases the page wrote in its language (see dataset/table.jte).
/**
 * The status sentence for this many matching and shown rows: the page wrote each grammatical case of its language
 * (none, one, one of many shown, a range...) with placeholders, since the words agree with the numbers.
 */
export function statusTemplate(templates, matched, shown) {
  if (matched === 0) return templates.statusNone;
  if (matched === 1) return templates.statusOne;
  if (shown === 0) return templates.statusBeyond;
  return shown === 1 ? templates.statusSingle : templates.statusRange;
}
