"""CDS Hooks 2.0: discovery, order-select/order-sign calls mapped to safety checks, and cards."""
