"""``npkit land …``: Click wiring only; the work is in npkit.land and npkit.output."""

from __future__ import annotations

import click

from npkit import land as core
from npkit.cli.commands import docs
from npkit.cli.groups import HelpGroup
from npkit.cli.options import complete_words, once, output_options
from npkit.land.records import LandArea
from npkit.output import OutputSpec, render

UNIT_NAMES = tuple(core.UNITS)


@click.group(cls=HelpGroup, epilog=f"Documentation: {docs('land')}")
def land() -> None:
    """Land areas: ropani-aana-paisa-daam (hills), bigha-kattha-dhur (Terai), sq ft, m²,
    acre, hectare.

    \b
    Examples:
      npkit land convert 2-5-3-1 ropani            in bigha-kattha-dhur
      npkit land convert 2-5-3-1 ropani --to sqft
      npkit land convert 1-2-5 bigha               in ropani-aana-paisa-daam
      npkit land convert '2 ropani 5 aana' --to m2
    """


@land.command(short_help="Convert an area between ropani, bigha, sq ft, m², acre, hectare.")
@click.argument("area", nargs=-1, required=True, metavar="AREA [UNIT]")
@click.option(
    "--to",
    "target",
    metavar="UNIT",
    multiple=True,
    callback=once,
    shell_complete=complete_words(*UNIT_NAMES),
    help=f"The unit of the answer: {', '.join(UNIT_NAMES)} (default: the other system; "
    "ropani for sq ft, m², acre, hectare).",
)
@click.option(
    "--places",
    type=click.IntRange(0, 10),
    default=core.PLACES,
    show_default=True,
    help="Decimals of the answer (the last place of R-A-P-D or B-K-D), rounded half-up once.",
)
@click.option(
    "--decimal",
    is_flag=True,
    help="Ropani or bigha as a decimal (2.36 ropani) rather than R-A-P-D / B-K-D.",
)
@output_options(record=LandArea)
def convert(
    area: tuple[str, ...], target: str | None, places: int, decimal: bool, output: OutputSpec
) -> None:
    """AREA as people write it: 2-5-3-1 ropani (ropani-aana-paisa-daam), 1-2-5 bigha
    (bigha-kattha-dhur), '2 ropani 5 aana', '१-५-२-० रोपनी', 5476 sqft, 0.5 ha.

    Exact sizes: 1 ropani = 16 aana = 5,476 sq ft; 1 aana = 4 paisa; 1 paisa = 4 daam;
    1 bigha = 20 kattha = 72,900 sq ft; 1 kattha = 20 dhur; metric by the foot of 0.3048 m;
    acre = 43,560 sq ft; hectare = 10,000 m². Only the answer is rounded.

    \b
    Examples:
      npkit land convert 2-5-3-1 ropani --to sqft
      npkit land convert 1-2-5 bigha
      npkit land convert 1 ropani --to m2 -f raw --fields value
    """
    output.check(LandArea)
    record = core.convert(" ".join(area), to=target, places=places, decimal=decimal)
    render([record], output, LandArea)
