"""The billing system itself: its SistemaInformatico identity and the producer's declaración
responsable (Orden HAC/1177/2024 art. 15)."""
