"""Contact facts: names (Latin and native script), e-mails, phones (E.164), links and location.

Names and locations are read only from the contact area (text before the first section, a
"Personal information" section, labelled lines) because the same shapes elsewhere are employers
and cities of past jobs. E-mails and links are read everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
import pycountry

from talentbridge.intake.parsing.data import cities
from talentbridge.intake.parsing.sections import Section, heading_name
from talentbridge.intake.parsing.text import Line, has_cjk, lines_of

# Hundred Family Surnames (百家姓), the ~120 most common single and the common compound surnames.
_SINGLE_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
    "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "萧傅阎赖洪"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "端木",
    "南宫",
)
_NOT_NAME_WORDS = re.compile(
    r"\b(resume|résumé|curriculum|vitae|cv|engineer|developer|scientist|manager|analyst|designer|intern|"
    r"university|college|institute|school|company|inc|ltd|llc|gmbh|street|road|avenue|email|phone|mobile|"
    r"address|profile|summary|objective|skills|experience|education|page|contact|linkedin|github|senior|"
    r"junior|lead|director|consultant|researcher|professor|student|architect|specialist|officer|"
    r"technologies|solutions|group|systems|software|data|the|and|of|for|at|in|age|cell|tel|contacts?|"
    r"description|positions?|programming|languages?|experienced|experience|network|national|research|full|stack|backend|frontend|embedded|front|end|back|web|dev|devops|qa|cv|israel|city|country)\b",
    re.IGNORECASE,
)
_NOT_NAME_ZH = (
    "简历",
    "个人",
    "求职",
    "工程师",
    "经理",
    "大学",
    "学院",
    "公司",
    "电话",
    "邮箱",
    "手机",
    "地址",
    "男",
    "女",
    "岁",
    "意向",
)
_LABEL_WORDS = re.compile(
    r"\b(?:location|residence|address|phone|e-?mail|linkedin|city)\b|地址|电话|邮箱", re.I
)
_LATIN_WORD_SHAPE = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'\u2019\-]*\.?"
_LATIN_NAME = re.compile(rf"(?<![\w@]){_LATIN_WORD_SHAPE}(?:[ \t]+{_LATIN_WORD_SHAPE}){{1,3}}(?![\w@])")
_CJK_NAME = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}(?![\u4e00-\u9fff])")
_NAME_LABEL = re.compile(
    r"(?:^|\s|\t)(?:full name|name|姓名|名字|中文名|英文名|english name)\s*[::]\s*(?P<value>[^\t,;]+)", re.I
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![\w-])"
)
_PHONE_LABEL = re.compile(r"phone|tel\b|mobile|cell|whatsapp|wechat|电话|手机|联系方式|移动电话|微信", re.I)
_CN_MOBILE = re.compile(r"(?<![\d+])(?:\(?\+?86\)?[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")
_URL = re.compile(
    r"(?:(?:https?://)|(?:www\.))[^\s<>\"',。、;))\]]+|"
    r"(?<![\w@.])(?:[a-z0-9-]+\.)+(?:com|io|dev|me|net|org|cn|ai|site|xyz|page|info|co|uk|de)(?:/[^\s<>\"',。、;))\]]*)?(?![\w@])",
    re.IGNORECASE,
)
_LOCATION_LABEL = re.compile(
    r"(?:^|\t|\|\s)(?:location|address|city|based in|current location|lives in|residence"
    r"|所在地|现居地?|居住地|地址|所在城市|城市|现居住地)\s*:?\s*(?P<value>[^\t|;]+)",
    re.I,
)


@dataclass(frozen=True)
class Found:
    """One extracted value with its span in the text and a confidence."""

    value: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True)
class NameResult:
    latin: Found | None
    native: Found | None


def contact_lines(text: str, sections: list[Section]) -> list[Line]:
    """Where names and locations live: the header, contact sections, else the first lines."""
    chosen: list[Line] = []
    for section in sections:
        if section.name in ("header", "contact"):
            chosen.extend(section.lines(text)[:25])
    if not chosen:
        chosen = lines_of(text)[:8]
    return chosen


def _is_heading(value: str) -> bool:
    return heading_name(value) is not None


def _not_a_place_or_skill(candidate: str) -> bool:
    """Capitalised two-word phrases in a CV header are often cities ("Tel Aviv") or skills ("Spring Boot")."""
    if any(city.pattern.fullmatch(candidate) for city in cities()) or _country_in(candidate):
        return False
    from talentbridge.intake.parsing.skills import vocabulary  # skills imports this module indirectly

    words = vocabulary()
    return words.canonical(candidate) is None and not any(
        words.canonical(token) for token in candidate.split()
    )


def _latin_name_in(line: Line, whole_line: bool) -> Found | None:
    value = line.value
    for match in _LATIN_NAME.finditer(value):
        tokens = match.group(0).split()
        # "Leonid Shalaev Full Stack": keep the words before the first word that is not a name.
        bad = next(
            (i for i, token in enumerate(tokens) if _NOT_NAME_WORDS.fullmatch(token.rstrip("."))), None
        )
        if bad is not None:
            if bad < 2:
                continue
            tokens = tokens[:bad]
        candidate = " ".join(tokens)
        if any(len(t.rstrip(".")) < 2 and not t.endswith(".") for t in tokens):
            continue
        if not _not_a_place_or_skill(candidate):
            continue
        end = match.start() + value[match.start() :].find(tokens[-1]) + len(tokens[-1])
        rest = (value[: match.start()] + value[end:]).strip(" \t|,-\u2013—()()·/")  # noqa: B005 - a set of characters
        plain_rest = rest and not has_cjk(rest) and "@" not in rest and not re.search(r"\d", rest)
        if whole_line and plain_rest and len(rest.split()) > 2:
            continue  # a line with other words besides the name is a sentence or a title
        confidence = 0.9 if not rest or has_cjk(rest) else 0.75
        return Found(candidate, line.start + match.start(), line.start + end, confidence)
    return None


def _cjk_name_in(line: Line) -> Found | None:
    for match in _CJK_NAME.finditer(line.value):
        candidate = match.group(0)
        compact = candidate.replace(" ", "")
        if len(compact) < 2 or len(compact) > 4 or any(word in compact for word in _NOT_NAME_ZH):
            continue
        if heading_name(compact) is not None:
            continue
        surname_ok = compact[:2] in _COMPOUND_SURNAMES or compact[0] in _SINGLE_SURNAMES
        if not surname_ok:
            continue
        rest = (line.value[: match.start()] + line.value[match.end() :]).strip()
        confidence = 0.9 if not has_cjk(rest) else 0.6
        return Found(compact, line.start + match.start(), line.start + match.end(), confidence)
    return None


def find_name(text: str, sections: list[Section]) -> NameResult:
    """The candidate's name in Latin script and/or Chinese characters."""
    lines = contact_lines(text, sections)
    latin: Found | None = None
    native: Found | None = None
    for line in lines:
        label = _NAME_LABEL.search(line.value)
        if label is None:
            continue
        inner = Line(label.group("value").strip(), line.start + label.start("value"), 0)
        inner = Line(inner.value, inner.start, inner.start + len(inner.value))
        native = native or _cjk_name_in(inner)
        found_latin = _latin_name_in(inner, whole_line=False)
        if found_latin is None and inner.value and not has_cjk(inner.value) and len(inner.value.split()) <= 4:
            found_latin = Found(inner.value, inner.start, inner.end, 0.8)
        latin = latin or found_latin
    if latin is not None or native is not None:
        return NameResult(_boost(latin), _boost(native))
    for line in lines[:10]:
        if (
            _is_heading(line.value)
            or _LABEL_WORDS.search(line.value)  # "location Bat Yam   email": masked contact values
            or (_URL.search(line.value) and " " not in line.value)
        ):
            continue
        parts = [
            Line(p, line.start + line.value.index(p), line.start + line.value.index(p) + len(p))
            for p in line.value.split("\t")
            if p.strip()
        ]
        for part in parts[:2]:
            if native is None:
                native = _cjk_name_in(part) if len(part.value) <= 30 else None
            if latin is None and len(part.value) <= 60:
                latin = _latin_name_in(part, whole_line=True)
        if latin is not None or native is not None:
            break
    return NameResult(latin, native)


def _boost(found: Found | None) -> Found | None:
    return None if found is None else Found(found.value, found.start, found.end, 0.95)


def display_latin(name: str) -> str:
    """'WEI ZHANG' → 'Wei Zhang'; mixed-case names are kept as written."""
    if name.isupper():
        return " ".join(part.capitalize() for part in name.split())
    return name


def split_latin(name: str) -> tuple[str, str]:
    """First and last name; an all-caps token among mixed-case ones is the family name ("ZHANG Wei")."""
    tokens = name.split()
    if len(tokens) == 1:
        return tokens[0], ""
    caps = [t for t in tokens if t.isupper() and len(t) > 1]
    if len(caps) == 1 and len(tokens) > 1 and not name.isupper():
        family = caps[0]
        given = " ".join(t for t in tokens if t is not family)
        return given, family.capitalize()
    return " ".join(tokens[:-1]), tokens[-1]


def split_chinese(name: str) -> tuple[str, str]:
    """Given and family name of a Chinese name (family name first, compound surnames kept)."""
    if name[:2] in _COMPOUND_SURNAMES and len(name) > 2:
        return name[2:], name[:2]
    return name[1:], name[:1]


def find_emails(text: str) -> list[Found]:
    seen: set[str] = set()
    found = []
    for match in _EMAIL.finditer(text):
        email = match.group(0).rstrip(".")
        if email.lower() in seen:
            continue
        seen.add(email.lower())
        found.append(Found(email, match.start(), match.start() + len(email), 0.98))
    return found


def _phone_region(text: str, country: str | None) -> str:
    if country:
        return country
    if has_cjk(text) or "+86" in text:
        return "CN"
    return "US"


def find_phones(text: str, sections: list[Section], country: str | None) -> list[Found]:
    """Phone numbers as E.164 from the contact area, labelled lines and the last lines (footers)."""
    all_lines = lines_of(text)
    candidates = {line.start: line for line in contact_lines(text, sections)}
    candidates.update({line.start: line for line in all_lines if _PHONE_LABEL.search(line.value)})
    candidates.update({line.start: line for line in all_lines[-4:]})
    region = _phone_region(text, country)
    found: list[Found] = []
    seen: set[str] = set()
    for line in sorted(candidates.values(), key=lambda item: item.start):
        labelled = _PHONE_LABEL.search(line.value) is not None
        matches: list[tuple[int, int, str]] = []
        for phone in phonenumbers.PhoneNumberMatcher(
            line.value, region, leniency=phonenumbers.Leniency.VALID
        ):
            matches.append(
                (
                    phone.start,
                    phone.end,
                    phonenumbers.format_number(phone.number, phonenumbers.PhoneNumberFormat.E164),
                )
            )
        if not matches:
            for match in _CN_MOBILE.finditer(line.value):
                try:
                    number = phonenumbers.parse(match.group(0), "CN")
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(number):
                    matches.append(
                        (
                            match.start(),
                            match.end(),
                            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                        )
                    )
        for start, end, e164 in matches:
            if e164 in seen:
                continue
            seen.add(e164)
            confidence = 0.95 if labelled or line.value[start:end].lstrip().startswith("+") else 0.85
            found.append(Found(e164, line.start + start, line.start + end, confidence))
    return found


_LINK_KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("linkedin", "LinkedIn", re.compile(r"linkedin\.com/(?:in|pub)/[^/?#\s]+", re.I)),
    (
        "github",
        "GitHub",
        re.compile(
            r"github\.com/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?=/?$|[/?#])|github\.com/[A-Za-z0-9-]+$", re.I
        ),
    ),
    ("scholar", "Google Scholar", re.compile(r"scholar\.google\.[a-z.]+/citations\?", re.I)),
    ("gitlab", "GitLab", re.compile(r"gitlab\.com/[^/?#\s]+", re.I)),
    ("orcid", "ORCID", re.compile(r"orcid\.org/\d{4}-", re.I)),
    ("kaggle", "Kaggle", re.compile(r"kaggle\.com/[^/?#\s]+", re.I)),
    ("twitter", "Twitter", re.compile(r"(?:twitter|x)\.com/[^/?#\s]+", re.I)),
    ("researchgate", "ResearchGate", re.compile(r"researchgate\.net/profile/", re.I)),
    ("stackoverflow", "Stack Overflow", re.compile(r"stackoverflow\.com/users/", re.I)),
    ("zhihu", "Zhihu", re.compile(r"zhihu\.com/people/", re.I)),
)


@dataclass(frozen=True)
class LinkFound:
    kind: str  # linkedin | github | scholar | website | ...
    network: str
    url: str
    username: str
    found: Found


def find_links(text: str, emails: list[Found]) -> list[LinkFound]:
    """Profile links by kind; the first other http(s) link in the contact data is the personal site."""
    email_spans = [(e.start, e.end) for e in emails]
    result: list[LinkFound] = []
    kinds_seen: set[str] = set()
    for match in _URL.finditer(text):
        if any(start <= match.start() < end for start, end in email_spans):
            continue
        raw = match.group(0).rstrip(".,;:)")
        if raw.count(".") == 0 or re.fullmatch(r"[\d.]+", raw):
            continue
        url = raw if raw.lower().startswith("http") else f"https://{raw}"
        kind, network = "website", "Website"
        for key, label, pattern in _LINK_KINDS:
            if pattern.search(raw):
                kind, network = key, label
                break
        if kind == "website" and not _plausible_site(raw, match.start(), text):
            continue
        if kind in kinds_seen:
            continue
        kinds_seen.add(kind)
        username = ""
        if kind in ("linkedin", "github", "gitlab", "kaggle", "twitter"):
            username = url.rstrip("/").split("/")[-1]
        elif kind == "scholar":
            user = re.search(r"user=([\w-]+)", url)
            username = user.group(1) if user else ""
        confidence = 0.97 if kind != "website" else 0.8
        result.append(
            LinkFound(
                kind, network, url, username, Found(url, match.start(), match.start() + len(raw), confidence)
            )
        )
    return result


def _plausible_site(raw: str, start: int, text: str) -> bool:
    """A bare domain counts as a personal site only with a scheme/www or a label on its line."""
    if raw.lower().startswith(("http", "www.")):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].lower()
    return any(
        word in before
        for word in ("website", "homepage", "portfolio", "blog", "web", "site", "主页", "博客", "网站")
    )


@dataclass(frozen=True)
class LocationFound:
    city: str | None
    country: str | None
    found: Found


_COUNTRY_ABBREVIATIONS = {
    "USA": "US",
    "U.S.A.": "US",
    "U.S.": "US",
    "UK": "GB",
    "U.K.": "GB",
    "PRC": "CN",
    "P.R.C.": "CN",
}
_COUNTRY_ZH = {
    "中国": "CN",
    "中国大陆": "CN",
    "美国": "US",
    "英国": "GB",
    "德国": "DE",
    "法国": "FR",
    "日本": "JP",
    "新加坡": "SG",
}


def _country_in(value: str) -> str | None:
    """A country named in full ("Germany", "中国") or by a common abbreviation ("USA", "UK").

    Two-letter codes are ignored: "CA" after a US city is California, not Canada.
    """
    for part in re.split(r"[,/|]", value):
        name = part.strip()
        if name.upper() in _COUNTRY_ABBREVIATIONS:
            return _COUNTRY_ABBREVIATIONS[name.upper()]
        if name in _COUNTRY_ZH:
            return _COUNTRY_ZH[name]
        if len(name) < 4:
            continue
        try:
            return str(pycountry.countries.lookup(name).alpha_2)
        except LookupError:
            continue
    return None


def find_location(text: str, sections: list[Section]) -> LocationFound | None:
    """City and/or country from a labelled line or a known city in the contact area."""
    lines = contact_lines(text, sections)
    for line in lines:
        match = _LOCATION_LABEL.search(line.value)
        if match:
            value = match.group("value").strip()
            start = line.start + match.start("value")
            located = _place(value, start, 0.9)
            if located:
                return located
    for line in lines:
        for part in re.split(r"\t|\s\|\s|\s·\s|\s{3,}", line.value):
            if "@" in part or len(part) > 60:
                continue
            start = line.start + line.value.find(part)
            located = _place(part, start, 0.7)
            if located:
                return located
    return None


def _place(value: str, start: int, confidence: float) -> LocationFound | None:
    for city in cities():
        match = city.pattern.search(value)
        if match:
            city_country: str | None = _country_in(value[match.end() :]) or city.detail
            return LocationFound(
                city.name,
                city_country,
                Found(
                    value.strip(), start + value.find(value.strip()), start + len(value.rstrip()), confidence
                ),
            )
    country = _country_in(value) if len(value) <= 40 and not re.search(r"\d{3}", value) else None
    if country and confidence >= 0.9:
        return LocationFound(
            None,
            country,
            Found(
                value.strip(),
                start + value.find(value.strip()),
                start + len(value.rstrip()),
                confidence - 0.1,
            ),
        )
    return None
