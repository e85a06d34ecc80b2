"""The review station: a small web app where people take orderhub's decisions beside the source page
(documents needing review, payments needing review, customs declarations). It calls the same library
functions as the workbooks and the Prefect forms."""
