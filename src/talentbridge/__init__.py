"""TalentBridge: applicant tracking for hiring technical talent across borders."""

__version__ = "0.1.0"
