#!/usr/bin/env python3
"""Converts hourly counts (header, then 'YYYY-MM-DD HH:MM:SS,count' rows) of one or more files
into one trace in the shared format: timestamp,requests; missing hours as 0.
Usage: convert-hourly-trace.py IN.csv [IN2.csv ...] OUT.csv"""
import csv, sys, datetime as dt
def load(path):
    rows=[]
    with open(path) as f:
        r=csv.reader(f); next(r)
        for ts,v in r:
            t=dt.datetime.strptime(ts.strip(),"%Y-%m-%d %H:%M:%S")
            rows.append((t,float(v)))
    return rows
def write(rows,out):
    rows.sort()
    d={}
    for t,v in rows: d[t]=d.get(t,0)+v
    t=min(d); end=max(d); n=0; gaps=0; zeros=0
    with open(out,"w") as f:
        f.write("timestamp,requests\n")
        while t<=end:
            v=d.get(t)
            if v is None: gaps+=1; v=0
            if v==0: zeros+=1
            f.write("%s,%s\n"%(t.strftime("%Y-%m-%dT%H:%M:%SZ"), ("%d"%v) if v==int(v) else repr(v)))
            t+=dt.timedelta(hours=1); n+=1
    vals=sorted(d.values())
    print(out,n,"rows",min(d),end,"filled",gaps,"zeros",zeros,"median",vals[len(vals)//2],"max",vals[-1])
args=sys.argv[1:]
out=args[-1]; rows=[]
for a in args[:-1]: rows+=load(a)
write(rows,out)
