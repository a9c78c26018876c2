"""Read-only API representation of employees (no NIK: it is not needed by API consumers)."""

from __future__ import annotations

from rest_framework import serializers

from simerit.pegawai.models import Pegawai


class PegawaiSerializer(serializers.ModelSerializer):
    nama_lengkap = serializers.CharField(read_only=True)
    golongan = serializers.CharField(source="pangkat.kode", read_only=True, default=None)
    jabatan = serializers.CharField(source="jabatan.nama", read_only=True, default=None)
    jenis_jabatan = serializers.CharField(source="jabatan.jenis", read_only=True, default=None)
    unit = serializers.IntegerField(source="unit_id", read_only=True)
    unit_nama = serializers.CharField(source="unit.nama", read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:pegawai-detail")

    class Meta:
        model = Pegawai
        fields = [
            "id",
            "url",
            "nip",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "nama_lengkap",
            "jenis_kelamin",
            "tanggal_lahir",
            "status",
            "golongan",
            "tmt_pangkat",
            "jabatan",
            "jenis_jabatan",
            "tmt_jabatan",
            "unit",
            "unit_nama",
            "aktif",
        ]
        read_only_fields = fields
