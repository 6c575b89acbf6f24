"""Clinical integration routes: CDS Hooks 2.0 (/cds-services) and the FHIR R4 read API (/fhir).

Machine-to-machine JSON: no cookies or forms, so browser CSRF checks do not apply to
`MACHINE_PATHS`; request bodies are bounded by the services that read them.
"""

MACHINE_PATHS = ("/cds-services", "/fhir")
