from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backoffice.domain.demo_data import (
    BANK_CARD_BINS,
    MOBILE_PREFIXES,
    REGION_CODES,
    SURNAMES,
    random_bank_card,
    random_date,
    random_id_number,
    random_mobile,
    random_name,
    random_person,
)
from backoffice.domain.identity import (
    COMPOUND_SURNAMES,
    PROVINCE_CODES,
    Sex,
    is_valid_bank_card,
    is_valid_mobile,
    luhn_valid,
    parse_id_number,
    split_surname,
)

seeds = st.integers(0, 2**32)


def _batch(seed: int) -> list[object]:
    rng = random.Random(seed)
    return [random_person(rng) for _ in range(5)] + [random_bank_card(rng) for _ in range(5)]


def test_same_seed_same_data():
    assert _batch(7) == _batch(7)
    assert _batch(7) != _batch(8)


def test_reference_tables_are_consistent():
    assert all(len(code) == 6 and code[:2] in PROVINCE_CODES for code in REGION_CODES)
    assert len({code[:2] for code in REGION_CODES}) >= 30  # spread over the country
    assert all(len(prefix) == 3 and is_valid_mobile(prefix + "00000000") for prefix in MOBILE_PREFIXES)
    assert all(len(bin_) == 6 and bin_.startswith("62") for bin_ in BANK_CARD_BINS)
    compound = [surname for surname, _ in SURNAMES if len(surname) == 2]
    assert compound and set(compound) <= COMPOUND_SURNAMES


@given(seeds)
def test_id_numbers_are_valid_and_in_range(seed):
    rng = random.Random(seed)
    birth_from, birth_to = date(1960, 1, 1), date(1960, 12, 31)
    for sex in Sex:
        number = random_id_number(rng, birth_from=birth_from, birth_to=birth_to, sex=sex)
        info = parse_id_number(number, today=date(2025, 1, 1))
        assert info.sex is sex
        assert birth_from <= info.birth_date <= birth_to
        assert info.region_code in REGION_CODES


def test_id_number_with_given_region():
    number = random_id_number(random.Random(1), region_code="440305")
    assert number.startswith("440305")
    assert parse_id_number(number).province == "广东"
    with pytest.raises(ValueError, match="six digits"):
        random_id_number(random.Random(1), region_code="4403")


def test_id_numbers_cover_both_sexes_and_default_range():
    rng = random.Random(3)
    infos = [parse_id_number(random_id_number(rng)) for _ in range(200)]
    assert {info.sex for info in infos} == {Sex.MALE, Sex.FEMALE}
    assert all(date(1950, 1, 1) <= info.birth_date <= date(2005, 12, 31) for info in infos)


@given(seeds)
def test_mobiles_are_valid(seed):
    rng = random.Random(seed)
    assert all(is_valid_mobile(random_mobile(rng)) for _ in range(10))


@given(seeds, st.sampled_from([None, 16, 19]))
def test_bank_cards_are_luhn_valid_domestic_numbers(seed, length):
    card = random_bank_card(random.Random(seed), length=length)
    assert luhn_valid(card) and is_valid_bank_card(card)
    assert len(card) == (length or len(card)) and len(card) in (16, 19)
    assert card[:6] in BANK_CARD_BINS


def test_bank_card_lengths_vary_and_are_checked():
    rng = random.Random(5)
    assert {len(random_bank_card(rng)) for _ in range(50)} == {16, 19}
    with pytest.raises(ValueError, match="16 or 19"):
        random_bank_card(rng, length=17)


def test_names_look_chinese():
    rng = random.Random(11)
    names = [random_name(rng) for _ in range(2000)]
    surnames = Counter(split_surname(name)[0] for name in names)
    known = {surname for surname, _ in SURNAMES}
    assert set(surnames) <= known
    assert surnames["王"] > surnames["秦"]  # weighted by frequency
    assert any(len(surname) == 2 for surname in surnames)  # some compound surnames
    given_lengths = Counter(len(split_surname(name)[1]) for name in names)
    assert set(given_lengths) == {1, 2} and given_lengths[2] > given_lengths[1]
    assert all("\u4e00" <= char <= "\u9fff" for name in names for char in name)


@given(seeds)
def test_person_is_consistent(seed):
    person = random_person(random.Random(seed), birth_from=date(1980, 1, 1), birth_to=date(1989, 12, 31))
    info = parse_id_number(person.id_number, today=date(2025, 1, 1))
    assert (info.sex, info.birth_date) == (person.sex, person.birth_date)
    assert date(1980, 1, 1) <= person.birth_date <= date(1989, 12, 31)
    assert is_valid_mobile(person.mobile)
    assert 2 <= len(person.name) <= 4


def test_random_date_bounds():
    rng = random.Random(0)
    assert random_date(rng, date(2025, 1, 1), date(2025, 1, 1)) == date(2025, 1, 1)
    with pytest.raises(ValueError, match="end before start"):
        random_date(rng, date(2025, 1, 2), date(2025, 1, 1))
