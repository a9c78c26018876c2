"""Load pangkat, education levels and the competency dictionary from simerit/rules/data/*.csv."""

from django.db import migrations

from simerit.referensi.loaders import load_reference


class Migration(migrations.Migration):
    dependencies = [("referensi", "0001_initial")]

    operations = [migrations.RunPython(load_reference, migrations.RunPython.noop)]
