"""MongoDB: the only package that imports motor, pymongo or bson. Maps case documents to and
from domain objects and implements the domain's ports."""
