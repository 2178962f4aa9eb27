# Parley on a team's own server: docker build -t parley . && docker run -p 8501:8501 parley
# The image holds the code and the bundled data; mount a backed-up volume over /app/data and /app/seeds
# (and set PARLEY_DATA_DIR / PARLEY_SEEDS_DIR if elsewhere) for data that outlives the container.
# A team curating together sets PARLEY_DATABASE_URL (a PostgreSQL database; see README) instead of a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PARLEY_READ_ONLY=1

# git: the dataset version names the commit when the data folder is a clone; curl: the health check
RUN apt-get update && apt-get install -y --no-install-recommends git curl && rm -rf /var/lib/apt/lists/*

# a user without privileges runs the app
RUN useradd --create-home --uid 10001 parley
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY --chown=parley:parley . .
USER parley

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent http://127.0.0.1:8501/_stcore/health || exit 1

# .streamlit/config.toml in /app holds the production settings; these flags only bind the server
CMD ["streamlit", "run", "dashboard/app.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true"]
