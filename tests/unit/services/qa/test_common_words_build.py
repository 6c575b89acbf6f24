"""The common-word list keeps long, frequent, alphabetic English words only."""

from medinfo.services.qa.common_words_build import MIN_FREQUENCY, common_words


def test_common_words_keeps_frequent_long_words_and_drops_the_rest() -> None:
    frequencies = {
        "tight": MIN_FREQUENCY,
        "fever": MIN_FREQUENCY * 10,
        "efects": MIN_FREQUENCY - 1,  # a rare misspelling stays correctable
        "night": MIN_FREQUENCY,
        "dose": MIN_FREQUENCY * 100,  # too short to be corrected at all
        "covid19": MIN_FREQUENCY,
        "café": MIN_FREQUENCY,
    }
    assert common_words(frequencies) == ["fever", "night", "tight"]
