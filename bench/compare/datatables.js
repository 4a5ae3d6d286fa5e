// The deals of data/deals.json (the file our explorer loads) in a DataTable:
// the same columns as our deals table, 50 rows a page as ours shows, the
// library's own search box. Names are resolved once, as our index does.
fetch("data/deals.json")
  .then((r) => r.json())
  .then((ds) => {
    const names = (list) => new Map(list.map((x) => [x.id, x.name]));
    const parties = names(ds.parties), minerals = names(ds.minerals);
    const join = (ids, from) => ids.map((id) => from.get(id)).filter(Boolean).join(", ");
    const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact" });
    const rows = ds.deals.map((d) => [
      d.title,
      d.date || "",
      join(d.party_ids, parties),
      join(d.mineral_ids, minerals),
      d.value.amount_usd == null ? "not stated" : usd.format(d.value.amount_usd),
      d.status,
      d.confidence,
    ]);
    const text = DataTable.render.text();
    $("#deals").DataTable({
      data: rows,
      columns: Array.from({ length: 7 }, () => ({ render: text })),
      pageLength: 50,
      deferRender: true,
    });
  });
