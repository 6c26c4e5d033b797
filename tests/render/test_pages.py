from sitegen.render.pages import Later


def test_a_later_list_is_made_once_on_first_read() -> None:
    made: list[int] = []

    def make() -> list[int]:
        made.append(1)
        return [3, 1, 2]

    later = Later(make)
    assert made == []  # planning a page does not make what it lists
    assert list(later) == [3, 1, 2]
    assert (len(later), later[0], later[1:]) == (3, 3, [1, 2])
    assert made == [1]
