"""The vocabulary demo data is drawn from: hubs, countries, skills, titles, schools, venues.

Invented for demonstration (institutions and venues are public names; no person is real).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoHub:
    """An office in the demo company."""

    name: str
    city: str
    country: str
    timezone: str
    currency: str


HUBS: tuple[DemoHub, ...] = (
    DemoHub("Shenzhen", "Shenzhen", "CN", "Asia/Shanghai", "CNY"),
    DemoHub("Hangzhou", "Hangzhou", "CN", "Asia/Shanghai", "CNY"),
    DemoHub("Beijing", "Beijing", "CN", "Asia/Shanghai", "CNY"),
    DemoHub("Shanghai", "Shanghai", "CN", "Asia/Shanghai", "CNY"),
    DemoHub("Singapore", "Singapore", "SG", "Asia/Singapore", "SGD"),
    DemoHub("Berlin", "Berlin", "DE", "Europe/Berlin", "EUR"),
    DemoHub("Munich", "Munich", "DE", "Europe/Berlin", "EUR"),
    DemoHub("London", "London", "GB", "Europe/London", "GBP"),
    DemoHub("San Francisco Bay Area", "San Francisco", "US", "America/Los_Angeles", "USD"),
)


@dataclass(frozen=True)
class DemoCountry:
    """Where demo people live: Faker locale, language, time zone, currency, city names."""

    code: str
    locale: str
    language: str
    timezone: str
    currency: str
    cities: tuple[str, ...]
    weight: int


COUNTRIES: tuple[DemoCountry, ...] = (
    DemoCountry(
        "CN",
        "zh_CN",
        "zh",
        "Asia/Shanghai",
        "CNY",
        ("Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Chengdu"),
        14,
    ),
    DemoCountry(
        "US", "en_US", "en", "America/New_York", "USD", ("New York", "Seattle", "Austin", "Boston"), 9
    ),
    DemoCountry("IN", "en_IN", "hi", "Asia/Kolkata", "INR", ("Bengaluru", "Hyderabad", "Pune", "Chennai"), 9),
    DemoCountry("DE", "de_DE", "de", "Europe/Berlin", "EUR", ("Berlin", "Munich", "Hamburg", "Stuttgart"), 8),
    DemoCountry(
        "GB", "en_GB", "en", "Europe/London", "GBP", ("London", "Cambridge", "Edinburgh", "Manchester"), 6
    ),
    DemoCountry("SG", "en_US", "en", "Asia/Singapore", "SGD", ("Singapore",), 4),
    DemoCountry("JP", "ja_JP", "ja", "Asia/Tokyo", "JPY", ("Tokyo", "Osaka", "Kyoto"), 4),
    DemoCountry("KR", "ko_KR", "ko", "Asia/Seoul", "KRW", ("Seoul", "Busan", "Daejeon"), 4),
    DemoCountry(
        "RU", "ru_RU", "ru", "Europe/Moscow", "RUB", ("Moscow", "Saint Petersburg", "Novosibirsk"), 4
    ),
    DemoCountry("FR", "fr_FR", "fr", "Europe/Paris", "EUR", ("Paris", "Lyon", "Grenoble"), 4),
    DemoCountry("ES", "es_ES", "es", "Europe/Madrid", "EUR", ("Madrid", "Barcelona", "Valencia"), 3),
    DemoCountry("IT", "it_IT", "it", "Europe/Rome", "EUR", ("Milan", "Rome", "Turin"), 3),
    DemoCountry("BR", "pt_BR", "pt", "America/Sao_Paulo", "BRL", ("São Paulo", "Campinas", "Recife"), 3),
    DemoCountry("PL", "pl_PL", "pl", "Europe/Warsaw", "PLN", ("Warsaw", "Kraków", "Wrocław"), 3),
    DemoCountry("VN", "vi_VN", "vi", "Asia/Ho_Chi_Minh", "VND", ("Hanoi", "Ho Chi Minh City", "Da Nang"), 3),
    DemoCountry("UA", "uk_UA", "uk", "Europe/Kyiv", "UAH", ("Kyiv", "Lviv", "Kharkiv"), 2),
    DemoCountry("TR", "tr_TR", "tr", "Europe/Istanbul", "TRY", ("Istanbul", "Ankara", "Izmir"), 2),
    DemoCountry("NL", "nl_NL", "nl", "Europe/Amsterdam", "EUR", ("Amsterdam", "Delft", "Eindhoven"), 2),
    DemoCountry("SE", "sv_SE", "sv", "Europe/Stockholm", "SEK", ("Stockholm", "Gothenburg", "Lund"), 2),
    DemoCountry("CA", "en_CA", "en", "America/Toronto", "CAD", ("Toronto", "Montreal", "Vancouver"), 3),
    DemoCountry("AU", "en_AU", "en", "Australia/Sydney", "AUD", ("Sydney", "Melbourne", "Brisbane"), 2),
    DemoCountry("EG", "ar_EG", "ar", "Africa/Cairo", "EGP", ("Cairo", "Alexandria"), 1),
    DemoCountry("ID", "id_ID", "id", "Asia/Jakarta", "IDR", ("Jakarta", "Bandung", "Surabaya"), 2),
)

SKILLS_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "algorithm_ml": (
        "Python",
        "PyTorch",
        "TensorFlow",
        "JAX",
        "Machine Learning",
        "Deep Learning",
        "NLP",
        "Computer Vision",
        "Reinforcement Learning",
        "Large Language Models",
        "CUDA",
        "C++",
        "Recommender Systems",
        "scikit-learn",
        "MLOps",
        "Distributed Training",
        "Statistics",
    ),
    "data_analysis": (
        "SQL",
        "Python",
        "pandas",
        "Tableau",
        "Power BI",
        "Statistics",
        "A/B Testing",
        "Spark",
        "Hive",
        "dbt",
        "Data Visualization",
        "R",
        "Excel",
        "Causal Inference",
        "Airflow",
    ),
    "cross_cultural": (
        "Localization",
        "Market Research",
        "Business Development",
        "Cross-cultural Communication",
        "Translation",
        "Project Management",
        "Stakeholder Management",
        "Product Marketing",
        "Community Management",
        "Content Strategy",
        "Negotiation",
        "CRM",
    ),
    "software_engineering": (
        "Go",
        "Java",
        "Python",
        "TypeScript",
        "React",
        "Kubernetes",
        "Docker",
        "PostgreSQL",
        "Redis",
        "Kafka",
        "gRPC",
        "AWS",
        "Linux",
        "Rust",
        "Microservices",
        "CI/CD",
        "Terraform",
    ),
}

TITLES_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "algorithm_ml": (
        "Machine Learning Engineer",
        "Algorithm Engineer",
        "Research Scientist",
        "NLP Engineer",
        "Computer Vision Engineer",
    ),
    "data_analysis": (
        "Data Analyst",
        "Data Scientist",
        "Business Intelligence Analyst",
        "Analytics Engineer",
    ),
    "cross_cultural": (
        "Localization Manager",
        "International Business Development Manager",
        "Overseas Market Specialist",
        "Global Partnerships Lead",
    ),
    "software_engineering": (
        "Backend Engineer",
        "Full-stack Engineer",
        "Site Reliability Engineer",
        "Platform Engineer",
    ),
}

UNIVERSITIES: dict[str, tuple[str, ...]] = {
    "CN": (
        "Tsinghua University",
        "Peking University",
        "Zhejiang University",
        "Shanghai Jiao Tong University",
        "Fudan University",
    ),
    "US": (
        "Carnegie Mellon University",
        "Stanford University",
        "University of Washington",
        "Georgia Institute of Technology",
    ),
    "GB": ("University of Cambridge", "Imperial College London", "University of Edinburgh"),
    "DE": ("Technical University of Munich", "RWTH Aachen University", "Karlsruhe Institute of Technology"),
    "IN": ("IIT Bombay", "IIT Delhi", "IISc Bangalore"),
    "JP": ("University of Tokyo", "Kyoto University"),
    "KR": ("KAIST", "Seoul National University"),
    "SG": ("National University of Singapore", "Nanyang Technological University"),
    "FR": ("École Polytechnique", "Sorbonne University"),
    "CA": ("University of Toronto", "University of Waterloo"),
}

FIELDS_BY_FAMILY: dict[str, tuple[str, ...]] = {
    "algorithm_ml": ("Computer Science", "Artificial Intelligence", "Electrical Engineering", "Mathematics"),
    "data_analysis": ("Statistics", "Economics", "Computer Science", "Applied Mathematics"),
    "cross_cultural": ("International Business", "Linguistics", "Marketing", "Chinese Studies"),
    "software_engineering": ("Computer Science", "Software Engineering", "Information Systems"),
}

VENUES = ("NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "KDD", "AAAI")
AWARDS = (
    ("ACM ICPC World Finals — finalist", "ICPC Foundation"),
    ("ACM ICPC Asia Regional — gold medal", "ICPC Foundation"),
    ("Kaggle Competitions Grandmaster", "Kaggle"),
    ("International Mathematical Olympiad — silver medal", "IMO"),
    ("Google Code Jam — Round 3", "Google"),
)

SOURCES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("job_board", "LinkedIn", {}),
    ("job_board", "Indeed", {}),
    ("job_board", "Glassdoor", {}),
    (
        "university",
        "TUM-Zhejiang joint AI lab",
        {"institution": "Technical University of Munich", "country": "DE"},
    ),
    (
        "university",
        "NUS campus recruiting",
        {"institution": "National University of Singapore", "country": "SG"},
    ),
    ("referral", "Employee referral programme", {}),
    (
        "talent_programme",
        "Shenzhen overseas high-level talent programme",
        {"issuing_body": "Shenzhen Municipal Government"},
    ),
    ("agency", "Bridgewell Search", {"fee_terms": "20% of first-year base salary"}),
    ("careers_page", "Careers site", {}),
    ("sourced", "Sourced by recruiter", {}),
)
