"""Closed vocabularies of the jobs context."""

from enum import StrEnum


class RoleFamily(StrEnum):
    """The kind of work; drives defaults for matching and reporting."""

    ALGORITHM_ML = "algorithm_ml"
    DATA_ANALYSIS = "data_analysis"
    CROSS_CULTURAL = "cross_cultural"
    SOFTWARE_ENGINEERING = "software_engineering"
    OTHER = "other"


class JobLevel(StrEnum):
    """Seniority of the opening."""

    INTERN = "intern"
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    STAFF = "staff"
    PRINCIPAL = "principal"
    MANAGER = "manager"
    DIRECTOR = "director"


class WorkModel(StrEnum):
    """Where the work happens."""

    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


class JobStatus(StrEnum):
    """Life cycle of a requisition/opening."""

    DRAFT = "draft"
    OPEN = "open"
    ON_HOLD = "on_hold"
    FILLED = "filled"
    CLOSED = "closed"


class SalaryPeriod(StrEnum):
    """What a salary amount covers."""

    YEAR = "year"
    MONTH = "month"
    HOUR = "hour"


class DegreeLevel(StrEnum):
    """Highest completed education, ordered from lowest to highest (see ``DEGREE_ORDER``)."""

    NONE = "none"
    SECONDARY = "secondary"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"


DEGREE_ORDER: tuple[DegreeLevel, ...] = tuple(DegreeLevel)


class HiringTeamRole(StrEnum):
    """A user's part in one job's hiring team."""

    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    COORDINATOR = "coordinator"
