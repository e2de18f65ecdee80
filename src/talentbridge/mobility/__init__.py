"""Work permits and visas: China work-permit assessment (A/B/C) and mobility case tracking."""
