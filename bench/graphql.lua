-- wrk script: POSTs the JSON body in the file named by GRAPHQL_REQUEST to /graphql.
local file = assert(io.open(os.getenv("GRAPHQL_REQUEST"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
