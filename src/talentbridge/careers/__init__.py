"""The public careers site, the application form with consent, and the job feeds for boards."""
