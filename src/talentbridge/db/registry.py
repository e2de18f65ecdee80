"""Import every model so ``Base.metadata`` is complete (Alembic and tests rely on this)."""

from talentbridge.audit import models as audit_models
from talentbridge.auth import models as auth_models
from talentbridge.careers import models as careers_models
from talentbridge.db.base import Base
from talentbridge.files import models as files_models
from talentbridge.intake import models as intake_models
from talentbridge.jobs import models as jobs_models
from talentbridge.mail import models as mail_models
from talentbridge.matching import models as matching_models
from talentbridge.mobility import models as mobility_models
from talentbridge.notes import models as notes_models
from talentbridge.people import models as people_models
from talentbridge.pipeline import models as pipeline_models
from talentbridge.sourcing import models as sourcing_models

__all__ = [
    "Base",
    "audit_models",
    "auth_models",
    "careers_models",
    "files_models",
    "intake_models",
    "jobs_models",
    "mail_models",
    "matching_models",
    "mobility_models",
    "notes_models",
    "people_models",
    "pipeline_models",
    "sourcing_models",
]
