"""`make bench`: invoices created and issued per second through the HTTP API.

The server runs as real `talonario serve` processes; the load comes from a lean asyncio
HTTP/1.1 keep-alive client (bench.loadgen) so the generator does not steal the server's CPU.
"""
