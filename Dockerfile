# Kenesh in a container: by default the archive service, or any `kenesh` command.
#   docker build -t kenesh .
#   docker run -d -p 8000:8000 -v kenesh-data:/data kenesh          # the API; SQLite archive /data/kenesh.db
#   docker run --rm -v kenesh-data:/data kenesh token create --role archivist
#   docker run -d -p 8000:8000 -e KENESH_DATABASE_URL=postgresql+psycopg://user:pw@db:5432/kenesh kenesh
#   docker run --rm -v "$PWD:/data" kenesh extract report.txt
#   docker run --rm -v "$PWD:/data" kenesh extract --out preds/ docs/*.txt
# Natasha's models ship inside its wheel: the image needs no download at run time.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY service ./service
COPY pipelines ./pipelines
COPY models ./models
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .


FROM python:3.11-slim
# Slovnet's matrices are small: BLAS threads only add overhead (see pipelines/nlp.py).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OPENBLAS_NUM_THREADS=1

# Tesseract with Russian and English for scanned PDFs and page images (pipelines/readers/ocr.py).
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*

# The dependencies change far less often than the code: their own layer, read from pyproject.toml
# so the list is kept in one place.
COPY pyproject.toml /tmp/pyproject.toml
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('/tmp/pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/pyproject.toml /tmp/requirements.txt

COPY --from=build /wheels /wheels
# --compile (pip's default, named because it matters): with PYTHONDONTWRITEBYTECODE=1 Python never writes
# .pyc itself, so the bytecode pip writes now is what spares every `kenesh` start compiling its modules.
RUN pip install --no-deps --compile /wheels/*.whl && rm -rf /wheels

# Fail the build, not the first request, if the package lacks a data file or a model: one real extraction.
RUN printf 'Заседание Совета открыл председатель Н.С. Базарбаев в Бишкеке 21 сентября 2023 года.\n' > /tmp/smoke.txt \
    && kenesh extract /tmp/smoke.txt > /dev/null \
    && rm /tmp/smoke.txt

# /data is where the default SQLite archive (./kenesh.db) lives: owned by the unprivileged user so a named
# volume mounted there starts out writable.
RUN useradd --create-home --uid 10001 kenesh \
    && mkdir /data && chown kenesh:kenesh /data
USER kenesh
WORKDIR /data
VOLUME /data

EXPOSE 8000
# No curl in the slim image; Python is there anyway.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/v1/health' % os.environ.get('KENESH_PORT', '8000'), timeout=4)"

# `kenesh` stays the entrypoint so `docker run IMAGE extract FILE` and `token create` work; the default
# command is the service, listening on every interface of the container (the host decides what to publish).
ENTRYPOINT ["kenesh"]
CMD ["serve", "--host", "0.0.0.0"]
