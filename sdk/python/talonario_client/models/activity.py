from typing import Literal, cast

Activity = Literal[
    "dance_halls",
    "dry_cleaning_laundry",
    "hairdressing_beauty",
    "home_sales",
    "hospitality",
    "itinerant_sales",
    "parking",
    "passenger_transport",
    "phone_booths",
    "photo_development",
    "retail",
    "sports_facilities",
    "toll_roads",
    "video_rental",
]

ACTIVITY_VALUES: set[Activity] = {
    "dance_halls",
    "dry_cleaning_laundry",
    "hairdressing_beauty",
    "home_sales",
    "hospitality",
    "itinerant_sales",
    "parking",
    "passenger_transport",
    "phone_booths",
    "photo_development",
    "retail",
    "sports_facilities",
    "toll_roads",
    "video_rental",
}


def check_activity(value: str) -> Activity:
    # Unknown values are kept: a newer server may answer one this SDK has not heard of.
    return cast(Activity, value)
