"""Gateway mode: VERI*FACTU records for invoices numbered and issued elsewhere (an ERP that
keeps its own numbering): `/v1/records`. Each is an invoice row of origin `gateway`, chained
into the same chain as the company's own invoices, remitted by the same worker."""
