

# --- within one article, thefts from two named victims are two thefts

def test_coreference_keeps_thefts_from_two_named_victims_apart():
    this_week = _ev(agents=("lazarus-group",), victims=("local:plover-exchange",), quantity=Quantity(30e6, "USD"))
    in_june = _ev(victims=("local:tamarin-wallet",), time=("2031-06-02", "2031-06-02"))
    assert conflict(this_week, in_june) == "target"
    # the exchange and its wallet are one victim
    wallet = _ev(victims=("local:plover-exchange-s-hot-wallet",))
    assert conflict(this_week, wallet) is None
