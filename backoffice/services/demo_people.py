"""Demo customers, registered by the demo clerk through the people service."""

from __future__ import annotations

import random

from backoffice.domain.demo_data import random_bank_card, random_person
from backoffice.services.context import UserSession
from backoffice.services.people import PersonInput, register_person

PROVINCE_ADDRESSES = (
    "北京市朝阳区建国路",
    "上海市浦东新区世纪大道",
    "广东省广州市天河路",
    "浙江省杭州市文三路",
    "江苏省南京市中山路",
    "四川省成都市人民南路",
    "湖北省武汉市解放大道",
    "山东省济南市泉城路",
)


def seed_people(clerk: UserSession, *, count: int, seed_value: int) -> int:
    """Register ``count`` invented customers (the same ones for the same seed)."""
    rng = random.Random(seed_value)
    for _ in range(count):
        person = random_person(rng)
        register_person(
            clerk,
            PersonInput(
                full_name=person.name,
                id_number=person.id_number,
                mobile=person.mobile,
                bank_account=random_bank_card(rng) if rng.random() < 0.7 else None,
                address=f"{rng.choice(PROVINCE_ADDRESSES)}{rng.randint(1, 999)}号",
            ),
        )
    return count
