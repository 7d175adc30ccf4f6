"""Accounts and the companies they own: `/v1/companies`, for integrators who issue for many
taxpayers (a gestoría, an ERP vendor, a SaaS platform)."""
