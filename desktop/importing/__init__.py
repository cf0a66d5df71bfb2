"""Spreadsheet import in the GUI: the 数据导入向导, blank templates, insurer reconciliation.

Entry point for the main window: :func:`desktop.importing.menu.install` (文件 › 导入数据… etc.).
The work happens in ``ledger.importing`` (plan/apply/reconcile) and ``reports.import_workbooks``;
everything slow runs on a worker thread through :class:`desktop.jobs.Job`.
"""
