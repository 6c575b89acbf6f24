"""Questions typed the way people type are read as the right intent and concerns."""

import pytest

from medinfo.domain.answers import Intent
from medinfo.services.qa.intents import Concern, normalise_question, read_question


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("can i have a beer on zanaflex", Intent.ALCOHOL),
        ("is booze ok with my muscle relaxer", Intent.ALCOHOL),
        ("going out drinking tonite, still ok to take my tizanidine?", Intent.ALCOHOL),
        ("can i quit it cold turkey", Intent.STOPPING),
        ("how do i wean off zoloft", Intent.STOPPING),
        ("forgot my pill this morning what now", Intent.MISSED_DOSE),
        ("skipped last nights dose, should i double up", Intent.MISSED_DOSE),
        ("how much is too much", Intent.MAX_DOSE),
        ("whats the most mg i can take in a day", Intent.MAX_DOSE),
        ("i think i od on my tizanidine", Intent.OVERDOSE),
        ("my son swallowed a handful of my pills", Intent.OVERDOSE),
        ("does it make you feel sleepy", Intent.SIDE_EFFECTS),
        ("wat are the sfx", Intent.SIDE_EFFECTS),
        ("any serious side effects i should watch for", Intent.SERIOUS_SIDE_EFFECTS),
        ("is zoloft addictive", Intent.CONTROLLED_SUBSTANCE),
        ("will it make me put on weight", Intent.WEIGHT_GAIN),
        ("how many hours does one tablet last", Intent.HALF_LIFE),
        ("how many people take zoloft", Intent.OTHER),
        ("can zanaflex stop a migraine attack", Intent.INDICATION),
        ("trying for a baby, should i stop zoloft", Intent.PREGNANCY),
        ("does it stop the pill from working", Intent.INTERACTION),
        ("zoloft for my panic attacks?", Intent.INDICATION),
        ("my legs feel like jelly on it", Intent.OTHER),
        ("someone told me zoloft is a painkiller, is it", Intent.MECHANISM),
        ("can i take a painkiller with it", Intent.INTERACTION),
        ("im preggo is it safe", Intent.PREGNANCY),
        ("can i take it while breastfeeding my newborn", Intent.BREASTFEEDING),
        ("how long till it kicks in", Intent.ONSET),
        ("how does this medicine work in the body", Intent.MECHANISM),
        ("does champix have nicotine in it", Intent.INGREDIENTS),
        ("is there gelatine in the capsules", Intent.INGREDIENTS),
        ("his creatinine clearance is about 40, does he need less", Intent.DOSAGE),
        ("can i drive after taking it", Intent.DRIVING),
        ("what is zanaflex used for", Intent.INDICATION),
        ("can i take it with percocet", Intent.INTERACTION),
        ("how shud i store it, fridge?", Intent.STORAGE),
        ("how mutch should i take", Intent.DOSAGE),
        ("tell me a joke", Intent.OTHER),
    ],
)
def test_read_question_finds_intent_of_casual_questions(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("is it ok to drnk alchol with it", Intent.ALCOHOL),
        ("can i take it whle pregnent", Intent.PREGNANCY),
        ("withdrawl symptoms when stoping", Intent.STOPPING),
        ("does it cause weigth gain", Intent.WEIGHT_GAIN),
        ("is it safe to take while brestfeeding", Intent.BREASTFEEDING),
    ],
)
def test_read_question_tolerates_typos(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    ("question", "concern"),
    [
        ("how much does zoloft cost without insurance", Concern.PRICE),
        ("will tizanidine show up on a drug test", Concern.DRUG_TEST),
        ("could sertraline make me fail an anti-doping check at my race", Concern.DRUG_TEST),
        ("might zoloft make me fail a workplace screen", Concern.DRUG_TEST),
        ("do i have ms", Concern.DIAGNOSIS),
        ("i have a red bump down there, is it herpes and should i take it", Concern.DIAGNOSIS),
        ("is this itchy rash between my toes athletes foot or eczema", Concern.DIAGNOSIS),
        ("how much can i give my 6 year old", Concern.CHILD),
        ("can i give my dog some of my pills", Concern.ANIMAL),
        ("my husband took too many and is not breathing right", Concern.EMERGENCY),
    ],
)
def test_read_question_notices_concerns(question: str, concern: Concern) -> None:
    assert read_question(question).has(concern)


def test_read_question_does_not_take_do_i_have_to_for_a_diagnosis() -> None:
    assert not read_question("do i have to take it with food").has(Concern.DIAGNOSIS)


def test_read_question_keeps_ordinary_words_uncorrected() -> None:
    assert read_question("i tried it but does it help me sleep").intent is Intent.INDICATION


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("my chest feels tight since i started", "tight"),
        ("i have a fever, can i still take it", "fever"),
        ("is it ok with prednisolone", "prednisolone"),
        ("my teeth feel loose", "loose"),
    ],
)
def test_normalise_question_keeps_everyday_words_and_other_drugs_as_typed(
    question: str, kept: str
) -> None:
    assert kept in normalise_question(question).split()


def test_normalise_question_reads_an_everyday_word_as_its_inflection_only() -> None:
    assert normalise_question("she wants to stop").split()[1] == "want"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("zanaflex side efects", Intent.SIDE_EFFECTS),
        ("is tizanidine a narcotic", Intent.CONTROLLED_SUBSTANCE),
        ("what happens if you take too much zanaflex", Intent.OVERDOSE),
        ("can i go above 40 mg of tizanidine a day", Intent.MAX_DOSE),
        ("is 50 mg of zoloft a day ok", Intent.MAX_DOSE),
        ("ran out of my zanaflex two days ago", Intent.STOPPING),
        ("can tizanidine wreck your liver", Intent.SERIOUS_SIDE_EFFECTS),
        ("party on friday, should i skip my zanaflex so i can drink", Intent.ALCOHOL),
        (
            "been on tizanidine 4 mg three times a day since spring and feel great now, "
            "can i just stop",
            Intent.STOPPING,
        ),
    ],
)
def test_read_question_reads_new_phrasings(question: str, intent: Intent) -> None:
    assert read_question(question, drug_names=["tizanidine", "zanaflex"]).intent is intent


def test_read_question_keeps_a_second_topic_with_a_warning() -> None:
    reading = read_question("ok to have a few beers on zanaflex and then drive home")
    assert reading.intent is Intent.ALCOHOL
    assert Intent.DRIVING in reading.also


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("how many of these can i take before bed", Intent.MAX_DOSE),
        ("zanaflex 4mg how to take", Intent.HOW_TO_TAKE),
        ("forgot two doses over the weekend, what now", Intent.MISSED_DOSE),
        ("tramadol 50mg four times a day for a sprain, for how many days", Intent.DURATION),
        ("how quickly do they raise the dose", Intent.DOSAGE),
        ("the gp put me on 20mg right away, is that usual", Intent.DOSAGE),
        ("the syrup, how long is it good once opened", Intent.STORAGE),
        ("can men take estradiol", Intent.INDICATION),
        ("is it safe for a 12 year old", Intent.INDICATION),
        ("is zanaflex the same medicine as sirdalud", Intent.INDICATION),
        ("is there an antidote if he took too many", Intent.OVERDOSE),
        ("should i pause it before my dental work", Intent.PRECAUTIONS),
        ("do i have to stop drinking grapefruit juice on it", Intent.INTERACTION),
    ],
)
def test_read_question_reads_session7_phrasings(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("my gran is 84, can she take zanaflex", Intent.PRECAUTIONS),
        ("does it throw off my blood test results", Intent.PRECAUTIONS),
        ("can i take 75mg of it", Intent.MAX_DOSE),
        ("my dad is 70, can he take it with warfarin", Intent.INTERACTION),
        ("how fast does the inhaler work and how long does it last", Intent.ONSET),
        ("how long does cialis last", Intent.HALF_LIFE),
        ("can i stop it, havent had a seizure in 2 years", Intent.STOPPING),
        ("what is zanaflex actually for? got given it after my review", Intent.INDICATION),
    ],
)
def test_read_question_reads_session16_phrasings(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


def test_read_question_reads_a_sudden_symptom_as_serious() -> None:
    assert read_question("sudden ringing in my ears on it").intent is Intent.SERIOUS_SIDE_EFFECTS


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("is sirdalud an anti inflammatory like naproxen", Intent.MECHANISM),
        ("does zanaflex work as a sleeping aid", Intent.INDICATION),
    ],
)
def test_read_question_reads_what_kind_of_medicine_and_uses(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("the oral suspension, how long does it last once opened", Intent.STORAGE),
        ("does zoloft raise blood pressure", Intent.SIDE_EFFECTS),
    ],
)
def test_read_question_reads_shelf_life_and_raised_values(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


def test_read_question_never_reads_brush_as_crush() -> None:
    assert "brush" in read_question("my gums bleed when i brush").text


def test_read_question_reads_a_dose_for_people_with_a_condition_as_a_dose() -> None:
    question = "whats the max dose of zanaflex if i have kidney problems"
    assert read_question(question).intent in {Intent.MAX_DOSE, Intent.DOSAGE}
    assert read_question("is zanaflex ok if i have kidney problems").intent is Intent.PRECAUTIONS


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # an accidental extra dose is an overdose question, whatever word of danger follows
        ("gave my husband 3 zoloft by mistake instead of 1, is that bad", Intent.OVERDOSE),
        ("took 2 of my tizanidine accidentally, is that harmful", Intent.OVERDOSE),
        # a missed dose followed by "take two" asks whether to double up
        ("forgot my zoloft last night, should i take two this morning", Intent.MISSED_DOSE),
        # a medicine that stops another working is an interaction
        ("could doxycycline stop my contraceptive working", Intent.INTERACTION),
        ("will zanaflex make my inhaler less effective", Intent.INTERACTION),
        # a food eaten on the drug, and a scan with contrast, ask about a combination
        ("can i eat grapefruit while on atorvastatin", Intent.INTERACTION),
        ("mri with contrast dye on friday and i take zoloft", Intent.INTERACTION),
        ("how long after stopping zoloft before i start taking lithium", Intent.INTERACTION),
        # staying on a medicine for years asks how long it is taken
        ("is it ok to stay on omeprazole for years", Intent.DURATION),
        # giving granules or mixing a dose into food asks how to take it
        ("can i sprinkle the capsule contents on applesauce for my son", Intent.HOW_TO_TAKE),
        ("how should i give my toddler the granules", Intent.HOW_TO_TAKE),
        # swelling of the lips or tongue is a serious reaction
        ("my tongue swelling up since i started ramipril", Intent.SERIOUS_SIDE_EFFECTS),
        # a diet pill question asks what the medicine is for
        ("is topiramate a diet pill", Intent.INDICATION),
        # a kidney number asks for the dose at that level
        ("my egfr is 28, what dose of gabapentin", Intent.DOSAGE),
        ("zoloft dosing with mild liver disease", Intent.DOSAGE),
    ],
)
def test_everyday_phrasings_of_other_topics(question: str, intent: Intent) -> None:
    assert read_question(question, drug_names=["zoloft"]).intent is intent


def test_a_symptom_that_wont_quit_is_not_stopping_the_medicine() -> None:
    reading = read_question("started zoloft and have a headache that won't quit")
    assert reading.intent is not Intent.STOPPING


def test_choosing_between_two_doses_is_a_judgement() -> None:
    reading = read_question("should i be on 50mg or 100mg of zoloft for ocd")
    assert reading.has(Concern.JUDGEMENT)


def test_a_rash_plant_named_poison_is_no_emergency() -> None:
    reading = read_question("can i use hydrocortisone on poison oak")
    assert not reading.has(Concern.EMERGENCY)
    assert reading.intent is not Intent.OVERDOSE


def test_a_common_word_is_not_read_as_a_cue_word_it_resembles() -> None:
    # "found" is one letter from the appearance word "round"
    reading = read_question("just found out im expecting, i take zoloft")
    assert "round" not in reading.text.split()


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("should i give my 8 year old some of my zyrtec", Intent.PRECAUTIONS),
        ("is it ok to give my toddler half of my tablet", Intent.PRECAUTIONS),
        ("is amlodipine a beta blocker", Intent.MECHANISM),
        ("is furosemide a water pill", Intent.MECHANISM),
    ],
)
def test_giving_a_child_ones_own_medicine_and_drug_classes(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # "give you the X" and "make your hair fall out" ask about side effects
        ("can venlafaxine give you the sweats", Intent.SIDE_EFFECTS),
        ("will propranolol make my hair fall out", Intent.SIDE_EFFECTS),
        ("vivid dreams since i started on it", Intent.SIDE_EFFECTS),
        # text-speak numbers for "too"
        ("what if my son took 2 many of my gummies", Intent.OVERDOSE),
        # vomiting straight after a dose asks whether to take it again
        ("puked right after taking my pill, do i take another", Intent.MISSED_DOSE),
        # a word between "how does" and "work"
        ("how does this stuff really work", Intent.MECHANISM),
    ],
)
def test_everyday_side_effect_and_dose_phrasings(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # "stop me getting" and "work against" ask what it prevents or treats
        ("will vitamin d stop me catching colds", Intent.INDICATION),
        ("does azithromycin work against a viral sore throat", Intent.INDICATION),
        ("how does it work on the nerves", Intent.MECHANISM),
    ],
)
def test_prevent_and_work_against_ask_what_it_is_for(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("how does it wrk in ur body", Intent.MECHANISM),
        ("can i take it every 6 hrs", Intent.DOSAGE),
    ],
)
def test_text_speak_for_work_and_hours(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("what temperature do i keep the pen at", Intent.STORAGE),
        ("what are the signs of taking too much in a child", Intent.OVERDOSE),
        ("how many tablets would be lethal", Intent.OVERDOSE),
        ("my wife took a double dose and now she is very drowsy", Intent.OVERDOSE),
        ("how does ramipril lower your blood pressure", Intent.MECHANISM),
    ],
)
def test_storage_overdose_and_mechanism_phrasings(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


@pytest.mark.parametrize(
    "question",
    [
        "i weigh 60kg, how many mg of sertraline should i be on",
        "would 50 mg of sertraline be enough for me",
        "my blood sugar was 14 this morning, do i take extra metformin",
        "my inr came back at 5, should i skip tonight",
        "can i double my dose myself if it isnt working",
        "is it worth switching from zoloft to prozac",
        "been on 20mg citalopram for a year, is that the right dose for me",
    ],
)
def test_the_askers_own_body_or_test_result_is_a_judgement(question: str) -> None:
    assert read_question(question).has(Concern.JUDGEMENT)


def test_a_usual_dose_asked_in_the_first_person_is_no_judgement() -> None:
    assert not read_question("how much sertraline should i take").has(Concern.JUDGEMENT)


@pytest.mark.parametrize(
    ("question", "judged"),
    [
        ("im taking 75mg of venlafaxine twice daily since march, is that alright for me", True),
        ("been taking 3 tablets of it every evening, is this ok", True),
        ("i take 40mg of omeprazole, is it ok to have coffee with it", False),
    ],
)
def test_the_askers_own_regimen_judged_is_a_judgement(question: str, judged: bool) -> None:
    """A dose the asker states and asks to have judged is their case; 'ok to' asks another
    thing."""
    assert read_question(question).has(Concern.JUDGEMENT) is judged


def test_two_medicines_weighed_against_each_other_are_a_comparison() -> None:
    assert read_question("is diclofenac or celecoxib gentler on the stomach").has(
        Concern.COMPARISON
    )
    assert not read_question("is it better taken at night or in the morning").has(
        Concern.COMPARISON
    )


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("how are you meant to take ramipril exactly", Intent.HOW_TO_TAKE),
        ("how do i use the beclometasone inhaler properly", Intent.HOW_TO_TAKE),
        ("which time of day should i have my atenolol", Intent.HOW_TO_TAKE),
        ("after my risedronate do i need to sit upright for a while", Intent.HOW_TO_TAKE),
        ("ive piled on about two stone since starting mirtazapine", Intent.WEIGHT_GAIN),
        ("will amoxicillin clear up a chest infection", Intent.INDICATION),
    ],
)
def test_read_question_knows_more_ways_of_asking(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


def test_read_question_leaves_everyday_words_that_are_near_cue_words() -> None:
    """ "stone" is no misspelt "store", "needing" no misspelt "feeding"."""
    reading = read_question("lost a stone and keep needing the loo at night")
    assert "stone" in reading.text
    assert "needing" in reading.text


def test_the_askers_own_tablets_are_not_the_contraceptive_pill() -> None:
    """ "the tablets" are the drug asked about; only "the pill" as typed is the contraceptive."""
    reading = read_question("gained loads of weight since january, could it be the tablets")
    assert reading.intent is Intent.WEIGHT_GAIN
    assert "the pill" not in reading.text
    assert read_question("will amoxicillin stop the pill working").intent is Intent.INTERACTION


@pytest.mark.parametrize(
    ("question", "drug", "intent"),
    [
        (
            "i'm 20 weeks pregnant, can i take paracetamol for a toothache",
            "paracetamol",
            Intent.PREGNANCY,
        ),
        ("metformin for pcos what dose do women start on", "metformin", Intent.DOSAGE),
        ("whats the most naproxen i can take for my shoulder", "naproxen", Intent.MAX_DOSE),
        (
            "grandad has kidney problems, can he take codeine for his hip",
            "codeine",
            Intent.PRECAUTIONS,
        ),
    ],
)
def test_why_the_asker_takes_it_does_not_outweigh_what_they_ask(
    question: str, drug: str, intent: Intent
) -> None:
    """ "take it for <condition>" is the asker's context when another intent is cued more."""
    assert read_question(question, drug_names=[drug], learned=False).intent is intent


@pytest.mark.parametrize(
    ("question", "drug"),
    [
        ("can i take gabapentin for my back pain", "gabapentin"),
        ("paracetamol for a toothache?", "paracetamol"),
    ],
)
def test_a_purpose_clause_alone_still_asks_about_a_use(question: str, drug: str) -> None:
    reading = read_question(question, drug_names=[drug], learned=False)
    assert reading.intent is Intent.INDICATION


def test_a_decimal_amount_is_read_as_one_amount() -> None:
    """ "2.5mg" stays one amount, so a dose judged for the asker reads as a judgement."""
    reading = read_question("is 2.5mg of bisoprolol enough for me", drug_names=["bisoprolol"])
    assert "2.5mg" in reading.text
    assert Concern.JUDGEMENT in reading.concerns


@pytest.mark.parametrize(
    "question",
    [
        "how long until bisoprolol brings my pulse down",
        "how soon does doxycycline clear up the spots",
        "how long before losartan lowers my pressure",
    ],
)
def test_how_long_before_it_lowers_or_clears_asks_when_it_works(question: str) -> None:
    """The treatment's effect awaited is the onset, never the effect as a side effect."""
    assert read_question(question).intent is Intent.ONSET


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Do I need to use condoms as well as my pill??", Intent.INTERACTION),
        ("how long am i allowed to take it for", Intent.DURATION),
    ],
)
def test_read_question_reads_session17_phrasings(question: str, intent: Intent) -> None:
    assert read_question(question).intent is intent


def test_read_question_chest_tightness_and_a_swelling_face_are_emergencies() -> None:
    assert (
        Concern.EMERGENCY
        in read_question("my chest feels tight tonight, is this a heart attack").concerns
    )
    assert Concern.EMERGENCY in read_question("my lips are swelling up after the tablet").concerns


def test_overrules_lets_a_certain_guess_past_settled_cues_but_not_firm_ones() -> None:
    from medinfo.services.qa.intents import overrules

    assert overrules(3.0, 0.75)
    assert not overrules(6.0, 0.9)
    assert overrules(6.0, 0.99)
    assert not overrules(20.0, 0.99)


def test_read_question_a_condition_the_asker_treats_is_no_diagnosis() -> None:
    assert not read_question("is it ok to take with my eczema cream").has(Concern.DIAGNOSIS)
    assert not read_question("can i take it if i have gout").has(Concern.DIAGNOSIS)
