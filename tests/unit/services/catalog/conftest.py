"""Small hand-written Drugs@FDA and DrugBank tables in the real formats, and the real data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from medinfo.services.catalog.build import default_data_dir

PRODUCTS = [
    "ApplNo\tProductNo\tForm\tStrength\tReferenceDrug\tDrugName\tActiveIngredient\tReferenceStandard",
    "020397\t001\tTABLET;ORAL\tEQ 4MG BASE\t1\tZANAFLEX\tTIZANIDINE HYDROCHLORIDE\t1",
    "020397\t002\tTABLET;ORAL\tEQ 2MG BASE **Federal Register determination that product was "
    "not discontinued or withdrawn for safety or efficacy reasons**\t1\tZANAFLEX\t"
    "TIZANIDINE HYDROCHLORIDE\t0",
    "076286\t001\tTABLET;ORAL\tEQ 4MG BASE\t0\tTIZANIDINE HYDROCHLORIDE\t"
    "TIZANIDINE HYDROCHLORIDE\t0",
    "040148\t001\tTABLET;ORAL\t325MG;7.5MG\t0\tHYDROCODONE BITARTRATE AND ACETAMINOPHEN\t"
    "ACETAMINOPHEN; HYDROCODONE BITARTRATE\t0",
    "040148\t002\tTABLET;ORAL\t325MG;10MG\t0\tNORCO\tACETAMINOPHEN; HYDROCODONE BITARTRATE\t0",
    "019872\t001\tTABLET, EXTENDED RELEASE;ORAL\t650MG\t1\tTYLENOL\tACETAMINOPHEN\t1",
    "021000\t001\tINJECTABLE;INTRAVENOUS\t0.9%\t0\tSODIUM CHLORIDE 0.9% IN PLASTIC CONTAINER\t"
    "SODIUM CHLORIDE\t0",
    "125000\t001\tVIAL\t100 UNITS\t0\tEXAMPLEMAB\tEXAMPLEMAB\t0",
]
APPLICATIONS = [
    "ApplNo\tApplType\tApplPublicNotes\tSponsorName",
    "020397\tNDA\t\tSPONSOR A",
    "076286\tANDA\t\tSPONSOR B",
    "040148\tANDA\t\tSPONSOR C",
    "019872\tNDA\t\tSPONSOR D",
    "021000\tNDA\t\tSPONSOR E",
    "125000\tBLA\t\tSPONSOR F",
]
STATUS = [
    "MarketingStatusID\tApplNo\tProductNo",
    "1\t020397\t001",
    "3\t020397\t002",
    "1\t076286\t001",
    "1\t040148\t001",
    "1\t040148\t002",
    "2\t019872\t001",
    "1\t021000\t001",
    "1\t125000\t001",
]
STATUS_LOOKUP = [
    "MarketingStatusID\tMarketingStatusDescription",
    "1\tPrescription",
    "2\tOver-the-counter",
    "3\tDiscontinued",
]
VOCABULARY = [
    "DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key",
    "DB90001,X1,Tizanidine,0-0-1,UNIITIZ001,Tizanidin | Tizanidina | "
    '"5-chloro-N-(4,5-dihydro-1H-imidazol-2-yl)-2,1,3-benzothiadiazol-4-amine",KEY1',
    "DB90002,X2,Acetaminophen,0-0-2,UNIIAPAP01,APAP | Paracetamol | Paracétamol | "
    "p-acetamidophenol | парацетамол,KEY2",
    "DB90003,X3,Hydrocodone,0-0-3,UNIIHC0001,Hydrocodon,KEY3",
    "DB90004,X4,Sodium chloride,0-0-4,UNIINACL01,Saline,KEY4",
]


def write_table(path: Path, lines: list[str]) -> None:
    """Write lines the way Drugs@FDA ships them: CRLF line ends, latin-1."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("".join(f"{line}\r\n" for line in lines).encode("latin-1"))


@pytest.fixture
def fixture_data_dir(tmp_path: Path) -> Path:
    """A shared-data folder holding the hand-written tables above."""
    fda = tmp_path / "drugsatfda-2019"
    write_table(fda / "Products.txt", PRODUCTS)
    write_table(fda / "Applications.txt", APPLICATIONS)
    write_table(fda / "MarketingStatus.txt", STATUS)
    write_table(fda / "MarketingStatus_Lookup.txt", STATUS_LOOKUP)
    vocabulary = tmp_path / "drugbank-open-vocabulary" / "drugbank_vocabulary.csv"
    vocabulary.parent.mkdir(parents=True)
    vocabulary.write_text("\n".join(VOCABULARY) + "\n", encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    """The shared Drugs@FDA and DrugBank data; the test is skipped when it is absent."""
    data_dir = default_data_dir()
    if not (data_dir / "drugsatfda-2019" / "Products.txt").is_file():
        pytest.skip(f"shared data not found at {data_dir}")
    return data_dir
