"""Deterministic generators of realistic demo personal data.

Every generator takes a :class:`random.Random` and uses nothing else, so a seed reproduces the same
people. Generated ID numbers, mobile numbers and bank card numbers pass the validators of
:mod:`backoffice.domain.identity`; they are invented and belong to nobody in particular.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

from backoffice.domain.identity import Sex, id_check_digit, luhn_check_digit

#: Common surnames, most frequent first, with rough relative weights; a few compound ones at the end.
SURNAMES: Final = (
    ("王", 72), ("李", 71), ("张", 66), ("刘", 53), ("陈", 45), ("杨", 31), ("黄", 24), ("赵", 20),
    ("吴", 19), ("周", 18), ("徐", 15), ("孙", 14), ("马", 13), ("朱", 12), ("胡", 11), ("郭", 11),
    ("何", 10), ("林", 10), ("高", 10), ("罗", 9), ("郑", 9), ("梁", 8), ("谢", 7), ("宋", 6),
    ("唐", 6), ("许", 6), ("韩", 6), ("邓", 6), ("冯", 6), ("曹", 5), ("彭", 5), ("曾", 5),
    ("肖", 5), ("田", 5), ("董", 5), ("潘", 4), ("袁", 4), ("蔡", 4), ("蒋", 4), ("余", 4),
    ("于", 4), ("杜", 4), ("叶", 4), ("程", 3), ("魏", 3), ("苏", 3), ("吕", 3), ("丁", 3),
    ("任", 3), ("卢", 3), ("姚", 3), ("沈", 3), ("钟", 3), ("姜", 3), ("崔", 2), ("谭", 2),
    ("陆", 2), ("范", 2), ("汪", 2), ("廖", 2), ("石", 2), ("金", 2), ("韦", 2), ("贾", 2),
    ("夏", 2), ("付", 2), ("方", 2), ("邹", 2), ("熊", 2), ("白", 2), ("孟", 2), ("秦", 2),
    ("欧阳", 1), ("司马", 1), ("诸葛", 1), ("上官", 1), ("司徒", 1),
)  # fmt: skip

_MALE_GIVEN: Final = tuple(
    "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林博"
    "文斌志建国庆峰海东亮成晨阳晓子天宏振家豪睿泽昊然思远一航嘉铭"
)
_FEMALE_GIVEN: Final = tuple(
    "芳娜敏静丽艳娟霞燕玲桂英秀兰红梅琳雪婷慧颖倩洁莉萍晶妍欣"
    "怡佳琪雨涵梦诗瑶思晓月悦彤佩丹蕾薇露美凤云春嘉宁子一若可心"
)

#: Real county-level address codes (GB/T 2260) across the provinces.
REGION_CODES: Final = MappingProxyType(
    {
        "110101": "北京市东城区", "110105": "北京市朝阳区", "110108": "北京市海淀区",
        "120101": "天津市和平区", "130102": "石家庄市长安区", "140105": "太原市小店区",
        "150102": "呼和浩特市新城区", "210102": "沈阳市和平区", "220102": "长春市南关区",
        "230103": "哈尔滨市南岗区", "310104": "上海市徐汇区", "310115": "上海市浦东新区",
        "320102": "南京市玄武区", "320508": "苏州市姑苏区", "330106": "杭州市西湖区",
        "340104": "合肥市蜀山区", "350102": "福州市鼓楼区", "360102": "南昌市东湖区",
        "370102": "济南市历下区", "370202": "青岛市市南区", "410105": "郑州市金水区",
        "420106": "武汉市武昌区", "430104": "长沙市岳麓区", "440106": "广州市天河区",
        "440305": "深圳市南山区", "450103": "南宁市青秀区", "460105": "海口市秀英区",
        "500103": "重庆市渝中区", "510104": "成都市锦江区", "520102": "贵阳市南明区",
        "530102": "昆明市五华区", "540102": "拉萨市城关区", "610113": "西安市雁塔区",
        "620102": "兰州市城关区", "630103": "西宁市城中区", "640104": "银川市兴庆区",
        "650102": "乌鲁木齐市天山区",
    }
)  # fmt: skip
_REGION_LIST: Final = tuple(REGION_CODES)

#: Mobile prefixes in use by China Mobile, China Unicom, China Telecom and China Broadnet.
MOBILE_PREFIXES: Final = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "166", "170", "171", "173", "175", "176", "177",
    "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "192", "193",
    "195", "197", "198", "199",
)  # fmt: skip

#: Six-digit UnionPay issuer prefixes (BINs, all 62xxxx) of domestic debit cards.
BANK_CARD_BINS: Final = (
    "622202", "622208", "621226", "622848", "622845", "621700", "622700", "621661", "621785", "622588",
    "621483", "622262", "622155", "621799", "623058", "622630", "622689", "621098", "622150", "622909",
)  # fmt: skip

DEFAULT_BIRTH_FROM: Final = date(1950, 1, 1)
DEFAULT_BIRTH_TO: Final = date(2005, 12, 31)


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """A consistent invented person: the sex in the ID number matches the given name's style."""

    name: str
    sex: Sex
    birth_date: date
    id_number: str
    mobile: str


def random_sex(rng: random.Random) -> Sex:
    return rng.choice((Sex.MALE, Sex.FEMALE))


def random_surname(rng: random.Random) -> str:
    surnames = [surname for surname, _ in SURNAMES]
    return rng.choices(surnames, weights=[weight for _, weight in SURNAMES])[0]


def random_name(rng: random.Random, sex: Sex | None = None) -> str:
    """Surname + a given name of one or two characters (two more often, as in real registers)."""
    sex = sex if sex is not None else random_sex(rng)
    pool = _MALE_GIVEN if sex is Sex.MALE else _FEMALE_GIVEN
    length = 1 if rng.random() < 0.3 else 2
    return random_surname(rng) + "".join(rng.choice(pool) for _ in range(length))


def random_date(rng: random.Random, start: date, end: date) -> date:
    """A date in [start, end]."""
    if end < start:
        raise ValueError("end before start")
    return start + timedelta(days=rng.randint(0, (end - start).days))


def random_id_number(
    rng: random.Random,
    *,
    birth_from: date = DEFAULT_BIRTH_FROM,
    birth_to: date = DEFAULT_BIRTH_TO,
    sex: Sex | None = None,
    region_code: str | None = None,
) -> str:
    """A valid GB 11643 ID number: real address code, birth date in range, sequence digit of the sex."""
    region = region_code if region_code is not None else rng.choice(_REGION_LIST)
    if len(region) != 6 or not region.isdigit():
        raise ValueError("region_code must be six digits")
    birth = random_date(rng, birth_from, birth_to)
    sex = sex if sex is not None else random_sex(rng)
    sex_digit = rng.choice("13579" if sex is Sex.MALE else "02468")
    first17 = f"{region}{birth:%Y%m%d}{rng.randint(0, 99):02d}{sex_digit}"
    return first17 + id_check_digit(first17)


def random_mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99_999_999):08d}"


def random_bank_card(rng: random.Random, *, length: int | None = None) -> str:
    """A Luhn-valid domestic card number of 16 or 19 digits starting with a 62xxxx BIN."""
    length = length if length is not None else rng.choice((16, 19))
    if length not in (16, 19):
        raise ValueError("length must be 16 or 19")
    payload = rng.choice(BANK_CARD_BINS) + "".join(str(rng.randint(0, 9)) for _ in range(length - 7))
    return payload + luhn_check_digit(payload)


def random_person(
    rng: random.Random, *, birth_from: date = DEFAULT_BIRTH_FROM, birth_to: date = DEFAULT_BIRTH_TO
) -> DemoPerson:
    sex = random_sex(rng)
    name = random_name(rng, sex)
    id_number = random_id_number(rng, birth_from=birth_from, birth_to=birth_to, sex=sex)
    birth = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    return DemoPerson(name=name, sex=sex, birth_date=birth, id_number=id_number, mobile=random_mobile(rng))
