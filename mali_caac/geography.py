"""Region polygons as the report counts regions: Mali's cercles dissolved by region, Ménaka on its own.

The geoBoundaries cercles (admin level 2, boundary year 2017) are grouped with
``data/cercles.csv`` and dissolved with geopandas; Natural Earth's admin-1
outlines (which lack Ménaka) are used to test the result. ``mali-caac
make-derived`` rewrites ``data/regions_geometry.geojson``; tests check that the
committed file equals a fresh rebuild.
"""
import json

from .errors import DataError
from .package import atomic_write, data_dir

TOPOJSON = "external/geoBoundaries-MLI-ADM2_simplified.topojson"
NATURAL_EARTH = "external/naturalearth_admin1_MLI.geojson"
OUT = "regions_geometry.geojson"
EQUAL_AREA = "EPSG:6933"
ATTRIBUTION = "geoBoundaries (Runfola et al. 2020); DNCT, DNP and OCHA Mali; CC BY 4.0"


def region_polygons(folder=None):
    """A GeoDataFrame of region polygons: ``region``, ``iso_3166_2``, ``cercles``, ``geometry`` (WGS 84)."""
    import geopandas as gpd
    import shapely

    from .loader import load

    folder = data_dir(folder)
    cercles = load("cercles", folder)
    regions = load("regions", folder).set_index("region")
    g = gpd.read_file(folder / TOPOJSON).set_crs(4326, allow_override=True)
    names = set(g["shapeName"])
    mapping = dict(zip(cercles["cercle"].astype(str), cercles["region"].astype(str)))
    missing = sorted(names - set(mapping))
    extra = sorted(set(mapping) - names)
    if missing or extra:
        raise DataError(file=folder / "cercles.csv", field="cercle",
                        expected="exactly the cercles of the boundary file",
                        found=f"unmapped cercles {missing}, unknown cercles {extra}")
    g["region"] = g["shapeName"].map(mapping)
    g["geometry"] = shapely.make_valid(g.geometry)
    out = g.dissolve("region", as_index=False, aggfunc={"shapeName": lambda s: ", ".join(sorted(s))})
    out = out.rename(columns={"shapeName": "cercles"})
    out["geometry"] = shapely.set_precision(out.geometry.values, grid_size=1e-5)
    out["iso_3166_2"] = [regions.loc[r, "iso_3166_2"] for r in out["region"]]
    return out[["region", "iso_3166_2", "cercles", "geometry"]].sort_values("region", kind="stable").reset_index(drop=True)


def write_region_polygons(folder=None):
    """Rebuild ``data/regions_geometry.geojson``; returns its path."""
    folder = data_dir(folder)
    gdf = region_polygons(folder)
    doc = json.loads(gdf.to_json(drop_id=True))
    doc["name"] = "regions_geometry"
    doc["attribution"] = ATTRIBUTION
    atomic_write(folder / OUT, json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    return folder / OUT


def load_regions_geometry(folder=None):
    """The committed region polygons (GeoDataFrame, WGS 84), after checking the file's hash."""
    import geopandas as gpd

    from .package import resource, verify_hash

    folder = data_dir(folder)
    verify_hash(resource("regions_geometry", folder), folder)
    return gpd.read_file(folder / OUT).set_crs(4326, allow_override=True)


def overlap_with_natural_earth(polygons=None, folder=None):
    """Intersection over union of each region with Natural Earth's outline (Gao + Ménaka against its Gao)."""
    import geopandas as gpd

    folder = data_dir(folder)
    ours = (polygons if polygons is not None else load_regions_geometry(folder)).to_crs(EQUAL_AREA)
    ne = gpd.read_file(folder / NATURAL_EARTH).set_crs(4326, allow_override=True).to_crs(EQUAL_AREA)
    ne = ne.set_index("name")
    geoms = dict(zip(ours["region"], ours.geometry))
    result = {}
    for name, ne_geom in ne.geometry.items():
        region = {"Timbuktu": "Timbuktu", "Ségou": "Ségou"}.get(name, name)
        geom = geoms[region]
        if region == "Gao":
            geom = geom.union(geoms["Ménaka"])
        inter = geom.intersection(ne_geom).area
        result[region] = inter / geom.union(ne_geom).area
    return result
