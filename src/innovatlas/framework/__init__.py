"""The rest of the framework as data (seed 001, issue 19): facilities, startups and finance, rules.

* :mod:`innovatlas.framework.templates`: the templates (``innovatlas template facilities|startups|finance|rules``);
* :mod:`innovatlas.framework.imports`: validated, transactional imports (file, row and field in every error),
  also of Crunchbase and Dealroom exports through a column mapping;
* :mod:`innovatlas.framework.measures`: indicators #6, #7, #8, #21, #27, #28, #46, #47 and #50 per ecosystem and
  year, with provenance, through disclosure control; the scale-up definition;
* :mod:`innovatlas.framework.diagnosis`: the evidence challenges 2, 3 and 10 (and 7, for #8) read from them;
* :mod:`innovatlas.framework.views`, ``web`` and ``cli``: the report section, dashboard page, API and commands.
"""
