#!/usr/bin/env python3
"""Deterministic corpus generator for the netkb benchmarks.

Writes N Markdown notes (default 10,000, about 60 MB in all) into nested
folders under OUT: Korean and English prose about networking, headings
(#..####), nested bullet lists, link lists (a URL bullet followed by an
indented bullet describing it), relative links between the notes
(`[text](../folder/note.md#heading)`), `[[wiki links]]`, bare URLs, code
spans, code blocks, tables and some YAML front matter.

Output is byte-identical for the same arguments and the same sources: every
note draws from its own `random.Random` seeded with a string, nothing depends
on dict/set/hash order, the file system's listing order or the number of
worker processes.

Sources: if the project's shared folder exists (`--source auto`, the
default, looks at $NETKB_BENCH_SHARED, <repo>/../shared and /work/shared),
paragraphs, lists, code blocks, tables, headings and URLs are sampled from a
fixed set of its corpora; otherwise (or with `--source builtin`) everything
comes from the word lists below. The manifest records which.

The five benchmark queries (소켓, "3 way handshake", 혼잡 제어, 라우터, TCP)
are kept out of the general vocabulary and the general sample pools, and are
planted at fixed per-note rates (see QUERY_TERMS), so each has results and
their frequencies differ by about two orders of magnitude.

Usage:
  generate_corpus.py OUT [--notes N] [--total-mb MB] [--seed S] [--source auto|builtin|DIR]
                         [--jobs J] [--if-needed] [--manifest FILE]
  generate_corpus.py --tree-hash DIR      print the content hash of a folder
  generate_corpus.py --verify OUT [...]   exit 0 if OUT matches its manifest and the arguments

The manifest (default: OUT with `.manifest.json` appended, beside the
folder, so nothing but notes is inside it) holds the parameters, the tree
hash, the size, the share of Hangul and how many notes match each query.
"""

import argparse
import hashlib
import json
import math
import os
import posixpath
import random
import re
import shutil
import sys
import urllib.parse

GENERATOR_VERSION = 1
DEFAULT_SEED = "netkb-bench-2025"
SHARED_FILES = [
    # Only these, in this order, so that other files appearing in shared/ later
    # do not change the corpus.
    "corpora/gyoogle__tech-interview-for-developer",
    "corpora/obsidian-help-en",
    "corpora/sindresorhus__awesome",
    "seed/network-notes.md",
]

# name, regex (matching what `rg -i` / the FTS query would find in raw text),
# the share of notes it is planted in, and whether the regex is case-insensitive.
QUERY_TERMS = [
    ("TCP", r"tcp", 0.30),
    ("라우터", r"라우터", 0.12),
    ("소켓", r"소켓", 0.06),
    ("혼잡 제어", r"혼잡\s*제어", 0.025),
    ('"3 way handshake"', r"3[\s-]+way[\s-]+handshake", 0.008),
]
QUERY_RES = [(name, re.compile(rx, re.IGNORECASE)) for name, rx, _ in QUERY_TERMS]
ANY_QUERY_RE = re.compile("|".join("(?:%s)" % rx for _, rx, _ in QUERY_TERMS) + "|혼잡|handshake", re.IGNORECASE)
FORCE_ALL_TERMS_EVERY = 997
SIZE_MIN, SIZE_MAX = 500, 40000  # bytes per note  # notes 0, 997, 1994, ... get every term

HANGUL_RE = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")

# --------------------------------------------------------------------------
# Built-in vocabulary. None of it contains a query term.
# --------------------------------------------------------------------------

KO_NOUNS = [w.strip() for w in """
네트워크, 패킷, 프로토콜, 스위치, 포트, 세션, 연결, 전송, 수신자, 송신자, 버퍼, 흐름 제어, 재전송, 지연 시간,
대역폭, 처리량, 헤더, 페이로드, 캡슐화, 디캡슐화, 계층, 주소, 서브넷, 게이트웨이, 방화벽, 암호화, 인증서, 타임아웃,
윈도우 크기, 시퀀스 번호, 확인 응답, 클라이언트, 서버, 호스트, 프레임, 세그먼트, 데이터그램, 라우팅 테이블, 경로,
캐시, 프록시, 로드 밸런서, 도메인, 브로드캐스트, 멀티캐스트, 유니캐스트, 체크섬, 신뢰성, 순서 보장, 커널, 운영체제,
스레드, 프로세스, 메모리, 인터럽트, 큐, 트래픽, 대기열, 물리 계층, 데이터 링크 계층, 네트워크 계층, 전송 계층,
응용 계층, 공개키, 개인키, 대칭키, 해시, 쿠키, 상태 코드, 요청, 응답, 메시지, 이더넷, 무선 랜, 공유기, 백본, 피어링,
장애, 모니터링, 로그, 설정 파일, 명령어, 인터페이스, 가상 머신, 컨테이너, 오버헤드, 성능, 병목, 확장성, 가용성,
일관성, 장애 조치, 동기화, 비동기, 블로킹, 논블로킹, 이벤트 루프, 멀티플렉싱, 포트 번호, 서브넷 마스크,
기본 게이트웨이, 이름 서버, 레코드, 질의, 릴레이, 터널링, 가상 사설망, 패킷 손실, 지터, 왕복 시간, 슬라이딩 윈도우,
누적 확인 응답, 선택적 확인 응답, 오류 검출, 주소 변환, 충돌, 전이중, 반이중, 토폴로지, 허브, 브리지, 링크 비용,
거리 벡터, 링크 상태, 자율 시스템, 정책, 인증, 인가, 세션 키, 난수, 연결 설정, 연결 해제, 상태 전이, 대기 상태,
재시도 횟수, 임계값, 지수 백오프, 소프트웨어, 하드웨어, 드라이버, 펌웨어, 주파수, 채널, 신호, 잡음, 변조, 부호화,
압축, 직렬화, 역직렬화, 스키마, 트랜잭션, 인덱스, 페이지, 가상 메모리, 스케줄링, 문맥 교환, 교착 상태, 세마포어,
뮤텍스, 파일 디스크립터, 시스템 콜, 사용자 공간, 커널 공간, 복제, 샤딩, 파티션, 리더 선출, 합의, 장애 허용,
서비스 디스커버리, 헬스 체크, 서킷 브레이커, 속도 제한, 재시도 정책, 관측 가능성, 지표, 추적, 경보
""".replace("\n", " ").split(",") if w.strip()]
KO_WORDS = KO_NOUNS

KO_VERBS = [
    "관리한다", "보장한다", "전달한다", "처리한다", "확인한다", "조절한다", "사용한다", "구분한다", "담당한다",
    "줄여준다", "늘린다", "저장한다", "검증한다", "분리한다", "재시도한다", "버린다", "캐싱한다", "암호화한다",
    "식별한다", "요청한다", "유지한다", "종료한다", "감지한다", "기록한다", "나눈다", "합친다", "계산한다",
    "관리함", "보장함", "전달함", "처리함", "확인함", "조절함", "사용함", "구분됨", "담당함", "저장함",
    "검증함", "버림", "유지함", "종료함", "감지함", "계산함", "정리할 예정", "다시 봐야 함", "확인 필요",
]
KO_ADVERBS = ["보통", "주로", "항상", "대부분", "실제로는", "일반적으로", "사실 상", "간단히 말하면", "결국", "특히",
              "반대로", "다만", "그래서", "요약하면", "예를 들어", "처음에는", "나중에", "동시에"]
KO_NOTE_ENDINGS = ["것 같음.", "듯?", "라고 이해하면 될 듯.", "정확한 건 잘 모르겠음.", "나중에 다시 정리하기.",
                   "이게 핵심.", "면접에서 자주 나옴.", "헷갈리지 말 것.", "실무에서는 거의 안 씀.", "꼭 기억하기."]

EN_TERMS = [
    ("UDP", "사용자 데이터그램 프로토콜"), ("IP", "인터넷 프로토콜"), ("HTTP", "하이퍼텍스트 전송 프로토콜"),
    ("HTTPS", "보안 HTTP"), ("DNS", "도메인 이름 시스템"), ("ARP", "주소 결정 프로토콜"), ("NAT", "주소 변환"),
    ("ICMP", "인터넷 제어 메시지 프로토콜"), ("QUIC", "UDP 기반 전송 프로토콜"), ("TLS", "전송 계층 보안"),
    ("SSL", "보안 계층"), ("BGP", "경계 경로 프로토콜"), ("OSPF", "링크 상태 라우팅"),
    ("RIP", "거리 벡터 라우팅"), ("VLAN", "가상 랜"), ("MTU", "최대 전송 단위"), ("MSS", "최대 세그먼트 크기"),
    ("RTT", "왕복 시간"), ("ACK", "확인 응답"), ("SYN", "동기화"), ("FIN", "종료"), ("RST", "리셋"),
    ("Ethernet", "이더넷"), ("LAN", "근거리 통신망"), ("WAN", "광역 통신망"), ("CIDR", "클래스 없는 주소 지정"),
    ("DHCP", "동적 호스트 설정"), ("OSI", "개방형 시스템 상호 연결"), ("CDN", "콘텐츠 전송 네트워크"),
    ("WebSocket", "양방향 통신"), ("gRPC", "원격 프로시저 호출"), ("REST", "표현 상태 전송"),
    ("NIC", "네트워크 인터페이스 카드"), ("ISP", "인터넷 서비스 제공자"), ("SSH", "보안 셸"),
    ("SMTP", "메일 전송 프로토콜"), ("IPv6", "차세대 인터넷 프로토콜"), ("IPv4", "인터넷 프로토콜 버전 4"),
    ("MAC", "매체 접근 제어"), ("L4", "전송 계층"), ("L7", "응용 계층"), ("RTO", "재전송 타임아웃"),
    ("SACK", "선택적 확인 응답"), ("epoll", "이벤트 통지"), ("keep-alive", "연결 유지"), ("Nagle", "작은 패킷 합치기"),
    ("HOL blocking", "헤드 오브 라인 블로킹"), ("CORS", "교차 출처 리소스 공유"), ("VPN", "가상 사설망"),
]
EN_NOUNS = """packet frame segment header payload buffer queue client server host gateway proxy firewall
certificate session connection port address subnet latency throughput bandwidth checksum timeout
retransmission resolver cache kernel thread process interrupt interface driver backbone route
metric neighbor table record query response request cookie token stream datagram window handshake
tunnel peer switch hub bridge link channel signal encoder decoder schema policy""".split()
EN_VERBS = ["forwards", "drops", "buffers", "retransmits", "caches", "encrypts", "validates", "negotiates",
            "splits", "merges", "tracks", "limits", "resolves", "rewrites", "measures", "acknowledges",
            "multiplexes", "reorders", "discards", "schedules"]
EN_ADJ = ["reliable", "unreliable", "stateful", "stateless", "small", "large", "slow", "fast", "default",
          "optional", "local", "remote", "idle", "busy", "encrypted", "plain", "ordered", "duplicate"]
CODE_SPANS = ["SO_REUSEADDR", "net.core.somaxconn", "Connection: keep-alive", "Content-Length", "ss -s",
              "ulimit -n", "/etc/hosts", "/etc/resolv.conf", "ip route", "dig +trace", "curl -v",
              "EADDRINUSE", "ECONNRESET", "TIME_WAIT", "CLOSE_WAIT", "ESTABLISHED", "LISTEN", "MSG_PEEK",
              "O_NONBLOCK", "getaddrinfo()", "bind()", "listen()", "accept()", "recvfrom()", "sendto()",
              "Cache-Control", "Host", "ETag", "301", "404", "503", "8.8.8.8", "127.0.0.1", "::1",
              "10.0.0.0/8", "192.168.0.0/16", "255.255.255.0", "nslookup", "traceroute", "arp -a"]
TAGS = ["network", "cs", "interview", "정리", "네트워크", "보안", "web", "os", "todo", "reading", "lecture",
        "강의", "면접", "실습", "protocol", "infra", "cloud", "linux", "algorithm", "database"]
AREAS = ["Network", "Computer Science", "OS", "Database", "Security", "Web", "Cloud", "Algorithm", "읽은 글", "프로젝트"]
TOPICS = ["기초", "Protocols", "Routing", "실습", "Papers", "면접 준비", "Transport", "Troubleshooting", "강의 노트", "Archive"]
URL_SITES = [
    "https://www.youtube.com/watch?v={yt}", "https://www.youtube.com/watch?v={yt}&list=PL{pl}",
    "https://www.youtube.com/watch?v={yt}&list=PL{pl}&index={n}", "https://en.wikipedia.org/wiki/{wiki}",
    "https://ko.wikipedia.org/wiki/{kwiki}", "https://developer.mozilla.org/ko/docs/Glossary/{wiki}",
    "https://developer.mozilla.org/en-US/docs/Web/HTTP/{wiki}", "https://datatracker.ietf.org/doc/html/rfc{rfc}",
    "https://www.rfc-editor.org/rfc/rfc{rfc}", "https://{user}.github.io/{year}/{mm}/{dd}/{slug}/",
    "https://velog.io/@{user}/{kslug}", "https://{user}.tistory.com/{n}", "https://blog.example.org/posts/{slug}",
    "https://learn.microsoft.com/ko-kr/troubleshoot/windows-server/networking/{slug}",
    "https://www.cloudflare.com/ko-kr/learning/{slug}/", "https://github.com/{user}/{slug}",
    "https://stackoverflow.com/questions/{big}/{slug}", "https://news.ycombinator.com/item?id={big}",
]
USERS = ["evan-moon", "gyoogle", "netlab", "kim6394", "devnote", "packetlife", "hanbit", "easycode", "nullnull",
         "yalco", "jinwoo", "minji", "sysadmin", "cloudy", "backend-kim", "infra-lee"]
CODE_SNIPPETS = [
    ("bash", "$ dig +short example.com\n93.184.216.34\n$ traceroute -n 8.8.8.8\n 1  192.168.0.1  1.123 ms\n 2  10.20.0.1  4.551 ms"),
    ("bash", "ip addr show eth0\nip route show\nss -uanp | head\nping -c 4 1.1.1.1"),
    ("bash", "curl -v https://example.com/ 2>&1 | grep -i '^< '\nopenssl s_client -connect example.com:443 -servername example.com"),
    ("python", "import socket\n\nsock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nsock.bind((\"0.0.0.0\", 9999))\nwhile True:\n    data, addr = sock.recvfrom(2048)\n    sock.sendto(data.upper(), addr)"),
    ("python", "import urllib.request\n\nwith urllib.request.urlopen(\"https://example.com\") as res:\n    print(res.status, res.headers[\"Content-Type\"])\n    body = res.read()"),
    ("go", "resp, err := http.Get(\"https://example.com\")\nif err != nil {\n\tlog.Fatal(err)\n}\ndefer resp.Body.Close()\nfmt.Println(resp.Status)"),
    ("java", "URL url = new URL(\"https://example.com\");\nHttpURLConnection conn = (HttpURLConnection) url.openConnection();\nconn.setConnectTimeout(3000);\nint status = conn.getResponseCode();"),
    ("c", "struct udp_header {\n    uint16_t src_port;\n    uint16_t dst_port;\n    uint16_t length;\n    uint16_t checksum;\n};"),
    ("yaml", "upstream:\n  servers:\n    - 10.0.0.11:8080\n    - 10.0.0.12:8080\n  health_check:\n    interval: 5s\n    timeout: 2s"),
    ("text", "Frame 12: 74 bytes on wire\nEthernet II, Src: 02:42:ac:11:00:02, Dst: 02:42:ac:11:00:03\nInternet Protocol Version 4, Src: 172.17.0.2, Dst: 172.17.0.3\nUser Datagram Protocol, Src Port: 53000, Dst Port: 53"),
    ("sql", "SELECT host, count(*) AS hits\nFROM access_log\nWHERE status >= 500\nGROUP BY host\nORDER BY hits DESC\nLIMIT 10;"),
    ("swift", "let url = URL(string: \"https://example.com\")!\nlet (data, response) = try await URLSession.shared.data(from: url)\nprint((response as? HTTPURLResponse)?.statusCode ?? 0, data.count)"),
]

# Planted content per query term: each template contains its own term and no other.
PLANT = {
    "TCP": {
        "ko": [
            "TCP는 연결 지향 프로토콜이라서 데이터를 보내기 전에 연결을 먼저 맺는다.",
            "TCP 헤더에는 시퀀스 번호와 확인 응답 번호가 있어서 순서를 보장함.",
            "TCP/IP 모델은 4개의 계층으로 이루어진다.",
            "UDP와 달리 TCP는 재전송으로 신뢰성을 보장한다.",
            "TCP의 흐름 제어는 수신자의 버퍼 상태에 따라 전송 속도를 조절함.",
            "HTTP/2까지는 TCP 위에서 동작하고, HTTP/3부터는 QUIC을 사용한다.",
            "TCP 연결 하나는 (출발지 IP, 출발지 포트, 목적지 IP, 목적지 포트)로 식별된다.",
            "TCP 세그먼트가 유실되면 타임아웃 이후에 다시 보냄.",
        ],
        "en": [
            "TCP guarantees in-order delivery by numbering every byte it sends.",
            "A TCP connection is identified by the four-tuple of addresses and ports.",
            "Keep-alive probes let TCP notice a peer that disappeared silently.",
            "Nagle's algorithm makes TCP hold back small writes until an ACK arrives.",
        ],
        "code": [("bash", "tcpdump -i eth0 -nn 'tcp port 443'\nss -tanp state established"),
                 ("python", "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # TCP\ns.connect((\"example.com\", 80))")],
        "heading": ["TCP 정리", "TCP 헤더 구조", "TCP vs UDP", "TCP keep-alive", "TCP/IP 4계층"],
        "url": ["https://en.wikipedia.org/wiki/Transmission_Control_Protocol#TCP_segment_structure", "https://datatracker.ietf.org/doc/html/rfc9293#name-tcp-header-format"],
    },
    "라우터": {
        "ko": [
            "라우터는 3계층 장비로, 패킷의 목적지 IP를 보고 다음 홉을 결정한다.",
            "라우터에서 3계층까지 디캡슐레이션해서 IP 패킷을 읽고 다른 라우터로 넘긴다.",
            "가정용 공유기도 사실은 작은 라우터 역할을 함.",
            "라우터마다 라우팅 테이블을 가지고 있고, 가장 긴 프리픽스가 일치하는 경로를 고른다.",
            "ISP의 고성능 라우터와 스위치가 백본을 이룬다.",
            "라우터 병목이 생기면 큐가 차고 패킷 손실이 늘어남.",
        ],
        "en": ["The router (라우터) looks up the longest matching prefix in its routing table.",
               "Each 라우터 (router) decrements the TTL and drops the packet when it reaches zero."],
        "code": [("text", "R1# show ip route\nGateway of last resort is 10.0.0.1 to network 0.0.0.0\n(라우터 설정 예시)")],
        "heading": ["라우터와 스위치", "라우터의 동작", "라우터 설정"],
        "url": ["https://en.wikipedia.org/wiki/Router_(computing)"],
    },
    "소켓": {
        "ko": [
            "소켓: 네트워크 통신의 끝점, IP 주소와 포트 번호로 구성됨.",
            "세션은 두 소켓 간의 연결 상태를 관리하는 논리적 연결이다.",
            "서버 소켓은 bind, listen, accept 순서로 클라이언트를 기다린다.",
            "소켓을 닫지 않으면 파일 디스크립터가 계속 쌓인다.",
            "운영체제는 소켓마다 송신 버퍼와 수신 버퍼를 따로 둔다.",
        ],
        "en": ["A listening 소켓 (socket) only accepts connections; each accepted one gets a new descriptor."],
        "code": [("c", "int fd = socket(AF_INET, SOCK_DGRAM, 0); /* 소켓 생성 */\nbind(fd, (struct sockaddr *)&addr, sizeof addr);")],
        "heading": ["소켓 프로그래밍", "소켓과 세션", "소켓 옵션"],
        "url": ["https://en.wikipedia.org/wiki/Network_socket"],
    },
    "혼잡 제어": {
        "ko": [
            "혼잡 제어 (Congestion Control): 네트워크 상태를 감지하고 전송 속도를 조절한다.",
            "혼잡 제어는 흐름 제어와 다르게 수신자가 아니라 네트워크 전체를 본다.",
            "느린 시작(slow start)과 혼잡 회피는 혼잡 제어의 대표적인 방법이다.",
            "혼잡 제어 알고리즘으로 Reno, CUBIC, BBR 등이 있음.",
            "패킷 손실이 감지되면 혼잡 제어 때문에 윈도우 크기를 절반으로 줄임.",
        ],
        "en": ["혼잡 제어 (congestion control) reacts to loss or delay by shrinking the congestion window."],
        "code": [("bash", "sysctl net.ipv4.congestion_control_algorithm  # 혼잡 제어 알고리즘 확인")],
        "heading": ["혼잡 제어", "혼잡 제어 알고리즘", "흐름 제어와 혼잡 제어"],
        "url": ["https://en.wikipedia.org/wiki/Network_congestion"],
    },
    '"3 way handshake"': {
        "ko": [
            "3 way handshake는 SYN, SYN+ACK, ACK 세 번의 메시지로 연결을 맺는 과정이다.",
            "3-way handshake 중 마지막 ACK가 유실되면 서버는 SYN+ACK를 다시 보낸다.",
            "연결을 맺을 때는 3 Way Handshake, 끊을 때는 4 Way 과정을 거침.",
            "3-Way Handshake에서 ISN을 무작위로 고르는 이유는 이전 연결의 세그먼트와 섞이지 않게 하기 위함.",
        ],
        "en": ["The 3-way handshake exchanges SYN, SYN-ACK and ACK before any data flows.",
               "During the 3 way handshake both sides pick an initial sequence number."],
        "code": [("text", "Client -> Server: SYN seq=x\nServer -> Client: SYN, ACK seq=y ack=x+1\nClient -> Server: ACK ack=y+1\n# 3 way handshake")],
        "heading": ["3 Way Handshake - 연결", "3-way handshake 정리"],
        "url": ["https://developer.mozilla.org/ko/docs/Glossary/3-way_handshake"],
    },
}

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def has_batchim(word):
    """Whether the word's last sound ends in a consonant (for picking 은/는 etc.)."""
    w = word.rstrip(")`*'\" ")
    if not w:
        return False
    c = w[-1]
    if "\uac00" <= c <= "\ud7a3":
        return (ord(c) - 0xAC00) % 28 != 0
    if c.isdigit():
        return c in "013678"
    if c.isupper():
        return c in "LMNR"
    return c in "mnlkpt"


def josa(word, pair):
    with_b, without_b = pair
    return word + (with_b if has_batchim(word) else without_b)


EUN, I, EUL, GWA, RO = ("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로")


def slugify(text):
    """GitHub-style heading anchor."""
    s = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return s.replace(" ", "-")


def link_path(path):
    # Keep Hangul as is (like the user's notes), escape spaces and a few ASCII specials.
    out = []
    for ch in path:
        if ch == " ":
            out.append("%20")
        elif ch in "()<>[]#%?":
            out.append(urllib.parse.quote(ch, safe=""))
        else:
            out.append(ch)
    return "".join(out)


def tree_entries(root):
    entries = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in sorted(filenames):
            full = os.path.join(dirpath, fn)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            with open(full, "rb") as f:
                entries.append((rel, hashlib.sha256(f.read()).hexdigest()))
    return entries


def tree_hash_of(entries):
    h = hashlib.sha256()
    for rel, digest in sorted(entries, key=lambda e: e[0].encode("utf-8")):
        h.update(rel.encode("utf-8") + b"\0" + digest.encode("ascii") + b"\n")
    return h.hexdigest()


def file_sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------


def find_shared(source):
    if source == "builtin":
        return None
    if source != "auto":
        if not os.path.isdir(source):
            sys.exit("generate_corpus: --source %s is not a folder" % source)
        return os.path.abspath(source)
    candidates = [os.environ.get("NETKB_BENCH_SHARED", ""), os.path.join(repo_root(), "..", "shared"), "/work/shared"]
    for c in candidates:
        if c and any(os.path.exists(os.path.join(c, rel)) for rel in SHARED_FILES):
            return os.path.abspath(c)
    return None


def shared_files(shared):
    files = []
    for rel in SHARED_FILES:
        p = os.path.join(shared, rel)
        if os.path.isfile(p):
            files.append(p)
        elif os.path.isdir(p):
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                for fn in filenames:
                    if fn.endswith(".md"):
                        found.append(os.path.join(dirpath, fn))
            files.extend(sorted(found, key=lambda s: s.encode("utf-8")))
    return files


def source_digest(shared):
    if shared is None:
        return "builtin"
    h = hashlib.sha256()
    for p in shared_files(shared):
        h.update(os.path.relpath(p, shared).encode("utf-8") + b"\0")
        with open(p, "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


class Pools:
    def __init__(self):
        self.ko_paras, self.en_paras, self.ko_lists, self.en_lists = [], [], [], []
        self.code, self.tables, self.link_items, self.urls, self.headings = [], [], [], [], []
        self.term_blocks = {name: [] for name, _, _ in QUERY_TERMS}

    def sizes(self):
        return {k: len(v) for k, v in vars(self).items() if isinstance(v, list)}


LIST_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
URL_RE = re.compile(r"https?://[^\s)<>\]\"'`]+")
AWESOME_ITEM_RE = re.compile(r"^\s*[-*] \[[^\]]+\]\(https?://[^)]+\)")


def korean_share(text):
    letters = sum(1 for c in text if c.isalpha())
    return (len(HANGUL_RE.findall(text)) / letters) if letters else 0.0


def split_blocks(text):
    """Yield (kind, text) blocks: heading, code, table, list, para."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].strip() == "---":  # front matter
        for k in range(1, min(len(lines), 60)):
            if lines[k].strip() == "---":
                lines = lines[k + 1:]
                break
    i, n = 0, len(lines)
    buf = []

    def flush():
        if not buf:
            return None
        chunk = "\n".join(buf).strip("\n")
        buf.clear()
        if not chunk.strip():
            return None
        ls = chunk.split("\n")
        if all(l.lstrip().startswith("|") for l in ls) and len(ls) >= 3:
            return ("table", chunk)
        if LIST_RE.match(ls[0]):
            return ("list", chunk)
        return ("para", chunk)

    while i < n:
        line = lines[i]
        s = line.strip()
        if s.startswith("```") or s.startswith("~~~"):
            b = flush()
            if b:
                yield b
            fence = s[:3]
            j = i + 1
            while j < n and not lines[j].strip().startswith(fence):
                j += 1
            yield ("code", "\n".join(l.rstrip() for l in lines[i:j + 1]).strip() if j < n else "")
            i = j + 1
            continue
        if re.match(r"^#{1,6}\s", s):
            b = flush()
            if b:
                yield b
            yield ("heading", re.sub(r"^#{1,6}\s+", "", s).strip(" #"))
            i += 1
            continue
        if not s or s.startswith("<") or s == "---":
            b = flush()
            if b:
                yield b
            i += 1
            continue
        buf.append(line.rstrip())
        i += 1
    b = flush()
    if b:
        yield b


def load_pools(shared):
    pools = Pools()
    if shared is None:
        return pools
    seen_urls = set()
    for path in shared_files(shared):
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        text = text.replace("\ufeff", "")
        for line in text.split("\n"):
            if AWESOME_ITEM_RE.match(line) and not ANY_QUERY_RE.search(line):
                pools.link_items.append(line.strip())
            for u in URL_RE.findall(line):
                u = u.rstrip(".,;:")
                if u not in seen_urls and not ANY_QUERY_RE.search(u) and len(u) < 200:
                    seen_urls.add(u)
                    pools.urls.append(u)
        for kind, chunk in split_blocks(text):
            if not chunk or len(chunk) > 3500:
                continue
            hits = [name for name, rx in QUERY_RES if rx.search(chunk)]
            if kind == "heading":
                if not hits and 2 <= len(chunk) <= 60 and not ANY_QUERY_RE.search(chunk):
                    pools.headings.append(chunk)
                continue
            if hits or ANY_QUERY_RE.search(chunk):
                if len(hits) == 1 and kind in ("para", "list") and len(chunk) < 1500:
                    pools.term_blocks[hits[0]].append(chunk)
                continue
            if kind == "code":
                pools.code.append(chunk)
            elif kind == "table":
                pools.tables.append(chunk)
            elif kind == "list":
                (pools.ko_lists if korean_share(chunk) > 0.5 else pools.en_lists).append(chunk)
            elif len(chunk) >= 40:
                (pools.ko_paras if korean_share(chunk) > 0.5 else pools.en_paras).append(chunk)
    return pools


# --------------------------------------------------------------------------
# The plan: sizes, folders, titles and headings of every note (needed up front
# so that notes can link to each other's headings).
# --------------------------------------------------------------------------


def folders():
    return ["%s/%02d %s" % (area, k + 1, TOPICS[(k + a) % len(TOPICS)]) for a, area in enumerate(AREAS) for k in range(10)]


def note_sizes(n, total_bytes, seed):
    rng = random.Random("%s/sizes" % seed)
    lo, hi = SIZE_MIN, SIZE_MAX
    mean = total_bytes / n
    sigma = 0.85
    mu = math.log(mean) - sigma * sigma / 2
    raw = [rng.lognormvariate(mu, sigma) for _ in range(n)]
    # Rescale (clipping moves the mean) a few times so the sum lands on the target.
    scale = 1.0
    for _ in range(20):
        clipped = [min(hi, max(lo, r * scale)) for r in raw]
        s = sum(clipped)
        if abs(s - total_bytes) < total_bytes * 1e-4:
            break
        scale *= total_bytes / s
    return [int(c) for c in clipped]


def ko_phrase(rng):
    t = rng.randrange(8)
    a, b = rng.choice(KO_WORDS), rng.choice(KO_WORDS)
    e = rng.choice(EN_TERMS)[0]
    return [
        "%s 정리" % e, "%s 개념" % a, "%s %s의 차이" % (josa(a, GWA), b),
        "%s vs %s" % (e, rng.choice(EN_TERMS)[0]), "%s %s" % (josa(e, GWA), a),
        "%s 동작 방식" % a, "%s 면접 질문" % e, "%s 실습 노트" % a,
    ][t]


def en_phrase(rng):
    t = rng.randrange(6)
    e, n = rng.choice(EN_TERMS)[0], rng.choice(EN_NOUNS)
    return ["%s notes" % e, "%s %s basics" % (e, n), "How %s works" % e, "%s and the %s" % (e, n),
            "Debugging %s %s" % (rng.choice(EN_ADJ), n), "%s reading list" % e][t]


GENERIC_HEADINGS = ["참고 자료", "링크 모음", "정리 예정", "요약", "개념", "특징", "장단점", "동작 과정", "예시", "질문",
                    "더 알아보기", "TODO", "Overview", "Details", "Further reading", "References", "Examples", "Notes",
                    "용어", "배경", "문제 상황", "해결 방법", "실습", "결론"]


def plan_headings(rng, count, pools):
    out, used = [], {}
    level = 2
    for k in range(count):
        if k == 0:
            level = 2
        else:
            r = rng.random()
            if level == 2:
                level = 3 if r < 0.45 else 2
            elif level == 3:
                level = 4 if r < 0.3 else (3 if r < 0.65 else 2)
            else:
                level = 4 if r < 0.3 else (3 if r < 0.7 else 2)
        r = rng.random()
        if pools.headings and r < 0.35:
            text = rng.choice(pools.headings)
        elif r < 0.6:
            text = ko_phrase(rng)
        elif r < 0.75:
            text = en_phrase(rng)
        else:
            text = rng.choice(GENERIC_HEADINGS)
        text = text.replace("[", "").replace("]", "").strip() or "정리"
        if text in used:
            used[text] += 1
            text = "%s %d" % (text, used[text])
        else:
            used[text] = 1
        out.append((level, text))
    return out


def make_plan(n, total_bytes, seed, pools):
    sizes = note_sizes(n, total_bytes, seed)
    fl = folders()
    plan = []
    for i in range(n):
        rng = random.Random("%s/plan/%d" % (seed, i))
        folder = fl[i % len(fl)] if rng.random() < 0.6 else rng.choice(fl)
        phrase = ko_phrase(rng) if rng.random() < 0.6 else en_phrase(rng)
        if rng.random() < 0.2:
            title = "%s-%d" % (re.sub(r"[^0-9a-z가-힣]+", "-", phrase.lower()).strip("-"), i)
        else:
            title = "%s %d" % (phrase.replace("/", " "), i)
        sections = max(1, min(40, int(round(sizes[i] / rng.uniform(900, 2200)))))
        plan.append({"folder": folder, "title": title, "size": sizes[i],
                     "headings": plan_headings(rng, sections, pools)})
    return plan


# --------------------------------------------------------------------------
# Note generation
# --------------------------------------------------------------------------


class NoteWriter:
    def __init__(self, i, plan, pools, seed):
        self.i = i
        self.plan = plan
        self.me = plan[i]
        self.pools = pools
        self.rng = random.Random("%s/note/%d" % (seed, i))

    # -- small pieces -------------------------------------------------------
    def url(self):
        rng = self.rng
        if self.pools.urls and rng.random() < 0.5:
            return rng.choice(self.pools.urls)
        alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        yt = "".join(rng.choice(alnum + "-_") for _ in range(11))
        pl = "".join(rng.choice(alnum) for _ in range(32))
        term = rng.choice(EN_TERMS)[0]
        ko = rng.choice(KO_WORDS)
        slug = "-".join(rng.choice(EN_NOUNS) for _ in range(rng.randint(2, 5)))
        return rng.choice(URL_SITES).format(
            yt=yt, pl=pl, n=rng.randint(1, 40), wiki=term.replace(" ", "_"), kwiki=ko.replace(" ", "_"),
            rfc=rng.randint(700, 9300), user=rng.choice(USERS), year=rng.randint(2015, 2025),
            mm="%02d" % rng.randint(1, 12), dd="%02d" % rng.randint(1, 28), slug=slug,
            kslug="%s-%s-정리" % (term, ko.replace(" ", "-")), big=rng.randint(1000000, 79999999))

    def rel_link(self, j):
        """Relative link from this note to note j, sometimes with a heading anchor."""
        tgt = self.plan[j]
        rel = posixpath.relpath(tgt["folder"] + "/" + tgt["title"] + ".md", self.me["folder"])
        if rng_bool(self.rng, 0.6) and tgt["headings"]:
            level, heading = self.rng.choice(tgt["headings"])
            return link_path(rel) + "#" + slugify(heading), heading
        return link_path(rel), tgt["title"]

    def other_note(self):
        rng = self.rng
        n = len(self.plan)
        if rng.random() < 0.5:  # neighbours: notes in the same series
            return (self.i + rng.randint(-30, 30)) % n
        return rng.randrange(n)

    def wiki_link(self):
        rng = self.rng
        j = self.other_note()
        tgt = self.plan[j]
        r = rng.random()
        if r < 0.25 and tgt["headings"]:
            return "[[%s#%s]]" % (tgt["title"], rng.choice(tgt["headings"])[1])
        if r < 0.45:
            return "[[%s|%s]]" % (tgt["title"], rng.choice(KO_WORDS))
        if r < 0.5:
            return "[[없는 노트 %d]]" % rng.randrange(100000)  # unresolved on purpose
        return "[[%s]]" % tgt["title"]

    def md_link(self):
        text_rel, heading = self.rel_link(self.other_note())
        return "[%s](%s)" % (heading.replace("[", "").replace("]", ""), text_rel)

    def inline_extra(self):
        """Something to sprinkle into a sentence: code span, bold, link, bare URL."""
        rng = self.rng
        r = rng.random()
        if r < 0.35:
            return "`%s`" % rng.choice(CODE_SPANS)
        if r < 0.5:
            return "**%s**" % rng.choice(KO_WORDS)
        if r < 0.65:
            return self.md_link()
        if r < 0.8:
            return self.wiki_link()
        if r < 0.9:
            return self.url()
        return "[%s](%s)" % (rng.choice(EN_TERMS)[0], self.url())

    def ko_sentence(self):
        rng = self.rng
        a, b, c = rng.choice(KO_WORDS), rng.choice(KO_WORDS), rng.choice(KO_WORDS)
        v = rng.choice(KO_VERBS)
        e, gloss = rng.choice(EN_TERMS)
        t = rng.randrange(16)
        if t == 0:
            s = "%s %s %s." % (josa(a, EUN), josa(b, EUL), v)
        elif t == 1:
            s = "%s(%s)는 %s에서 %s %s." % (e, gloss, a, josa(b, EUL), v)
        elif t == 2:
            s = "%s 없으면 %s 제대로 동작하지 않는다." % (josa(a, I), josa(b, I))
        elif t == 3:
            s = "%s %s %s 함께 설정해서 %s %s." % (rng.choice(KO_ADVERBS), josa(a, GWA), josa(b, EUL), josa(c, EUL), v)
        elif t == 4:
            s = "%s 관련해서는 `%s` 명령어로 확인할 수 있음." % (a, rng.choice(CODE_SPANS))
        elif t == 5:
            s = "왜 %s 필요한가? %s 때문에 %s 불안정해지기 때문." % (josa(a, I), b, josa(c, I))
        elif t == 6:
            s = "%s 기반이지만 %s 따로 구현해서 %s %s." % (e, josa(a, EUL), josa(b, EUL), v)
        elif t == 7:
            s = "정확한 건 잘 모르겠지만, %s %s 관계가 있는 %s" % (josa(a, EUN), josa(b, GWA), rng.choice(KO_NOTE_ENDINGS))
        elif t == 8:
            s = "%s: %s 위한 %s." % (a, josa(b, EUL), c)
        elif t == 9:
            s = "%s **%s** 기준으로 %s." % (josa(a, EUN), b, v)
        elif t == 10:
            s = "%s 헤더의 `%s` 필드는 %s 나타낸다." % (e, rng.choice(EN_NOUNS), josa(a, EUL))
        elif t == 11:
            s = "%s %s %s보다 먼저 처리되는 경우가 많다." % (rng.choice(KO_ADVERBS), josa(a, I), b)
        elif t == 12:
            s = "%s 이해하려면 먼저 %s 알아야 한다." % (josa(a, EUL), josa(b, EUL))
        elif t == 13:
            s = "%s %s %s %s" % (rng.choice(KO_ADVERBS), josa(e, EUN), josa(a, EUL), rng.choice(KO_NOTE_ENDINGS))
        elif t == 14:
            s = "%s %s, %s %s 단점이 있다." % (josa(a, EUN), josa(b, I) + " 빠르지만", josa(c, I), "늘어나는")
        else:
            s = "%s %s %s %s" % (josa(a, GWA), josa(b, EUN), "서로 다른 개념이고,", rng.choice(KO_NOTE_ENDINGS))
        if rng.random() < 0.15:
            s = s[:-1] + " " + self.inline_extra() + s[-1] if s.endswith(".") else s + " " + self.inline_extra()
        return s

    def en_sentence(self):
        rng = self.rng
        e = rng.choice(EN_TERMS)[0]
        n1, n2 = rng.choice(EN_NOUNS), rng.choice(EN_NOUNS)
        v = rng.choice(EN_VERBS)
        adj = rng.choice(EN_ADJ)
        t = rng.randrange(8)
        s = [
            "The %s layer %s every %s before the %s sees it." % (e, v, n1, n2),
            "A %s %s usually %s the %s." % (adj, n1, v, n2),
            "With %s, the %s %s %s data instead of the %s." % (e, n1, v, adj, n2),
            "If the %s is %s, the %s simply %s it." % (n1, adj, n2, v),
            "%s is easy to misconfigure: check the %s and the %s first." % (e, n1, n2),
            "Most %s problems turn out to be a %s %s." % (e, adj, n1),
            "The %s keeps one %s per %s, which is why it %s." % (n1, n2, e, v),
            "Think of %s as a %s %s that %s %ss." % (e, adj, n1, v, n2),
        ][t]
        if rng.random() < 0.12:
            s = s[:-1] + " (" + self.inline_extra() + ")."
        return s

    # -- blocks --------------------------------------------------------------
    def ko_para(self):
        rng = self.rng
        if self.pools.ko_paras and rng.random() < 0.35:
            return rng.choice(self.pools.ko_paras)
        return " ".join(self.ko_sentence() for _ in range(rng.randint(2, 7)))

    def en_para(self):
        rng = self.rng
        if self.pools.en_paras and rng.random() < 0.5:
            return rng.choice(self.pools.en_paras)
        return " ".join(self.en_sentence() for _ in range(rng.randint(2, 5)))

    def bullet_list(self):
        rng = self.rng
        if self.pools.ko_lists and rng.random() < 0.35:
            return rng.choice(self.pools.ko_lists)
        if self.pools.en_lists and rng.random() < 0.05:
            return rng.choice(self.pools.en_lists)
        indent = "\t" if rng.random() < 0.7 else "  "
        lines = []
        for _ in range(rng.randint(2, 6)):
            lines.append("- " + (self.ko_sentence() if rng.random() < 0.85 else self.en_sentence()))
            for _ in range(rng.choice([0, 0, 1, 2, 3])):
                lines.append(indent + "- " + self.ko_sentence())
                if rng.random() < 0.2:
                    lines.append(indent * 2 + "- " + self.ko_sentence())
        return "\n".join(lines)

    def ordered_list(self):
        rng = self.rng
        return "\n".join("%d. %s" % (k + 1, self.ko_sentence()) for k in range(rng.randint(3, 7)))

    def link_list(self):
        rng = self.rng
        lines = []
        for _ in range(rng.randint(2, 7)):
            r = rng.random()
            if r < 0.6:
                lines.append("- " + self.url())
                for _ in range(rng.choice([0, 1, 1, 1, 2])):
                    if rng.random() < 0.85:
                        desc = rng.choice([self.ko_sentence(), "%s 시리즈" % rng.choice(KO_WORDS),
                                           "\"%s\"" % self.ko_sentence(), rng.choice(KO_NOTE_ENDINGS)])
                    else:
                        desc = self.en_sentence()
                    lines.append("\t- " + desc)
            elif r < 0.72 and self.pools.link_items:
                lines.append(rng.choice(self.pools.link_items))
            elif r < 0.9:
                lines.append("- " + self.md_link())
            else:
                lines.append("- [%s](%s) - %s" % (rng.choice(EN_TERMS)[0], self.url(), self.en_sentence()))
        return "\n".join(lines)

    def code_block(self):
        rng = self.rng
        if self.pools.code and rng.random() < 0.4:
            return rng.choice(self.pools.code)
        lang, body = rng.choice(CODE_SNIPPETS)
        return "```%s\n%s\n```" % (lang, body)

    def table(self):
        rng = self.rng
        if self.pools.tables and rng.random() < 0.3:
            return rng.choice(self.pools.tables)
        cols = rng.choice([["계층", "프로토콜", "설명"], ["항목", "UDP", "비고"], ["Name", "Port", "설명", "Note"],
                           ["용어", "뜻"], ["구분", "장점", "단점"]])
        rows = ["| " + " | ".join(cols) + " |", "| " + " | ".join("---" for _ in cols) + " |"]
        for _ in range(rng.randint(2, 8)):
            cells = []
            for k in range(len(cols)):
                r = rng.random()
                if r < 0.3:
                    cells.append(rng.choice(EN_TERMS)[0])
                elif r < 0.45:
                    cells.append(str(rng.choice([22, 53, 80, 123, 443, 853, 3306, 5432, 8080])))
                elif r < 0.55:
                    cells.append("`%s`" % rng.choice(CODE_SPANS).replace("|", "/"))
                else:
                    cells.append(josa(rng.choice(KO_WORDS), EUL) + " " + rng.choice(KO_VERBS))
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def crossrefs(self):
        rng = self.rng
        links = [self.wiki_link() if rng.random() < 0.5 else self.md_link() for _ in range(rng.randint(1, 4))]
        r = rng.random()
        if r < 0.4:
            return "관련 노트: " + ", ".join(links)
        if r < 0.7:
            return "\n".join("- " + l for l in links)
        return "이전에 정리했던 것 - %s << 여기 있는데 걍 이거 봐도 될 듯?" % links[0]

    def callout(self):
        rng = self.rng
        kind = rng.choice(["note", "tip", "warning", "question"])
        return "> [!%s] %s\n> %s" % (kind, rng.choice(KO_WORDS), self.ko_sentence())

    def image(self):
        rng = self.rng
        h = "".join(rng.choice("0123456789abcdef") for _ in range(32))
        return "![](https://substackcdn.com/image/fetch/w_1456,c_limit,f_webp/https%%3A%%2F%%2Fimages%%2F%s_1600x1442.png)" % h

    BLOCKS = [  # (method, weight)
        ("ko_para", 44), ("bullet_list", 34), ("en_para", 3), ("link_list", 7), ("code_block", 5),
        ("table", 2), ("crossrefs", 6), ("ordered_list", 5), ("callout", 2), ("image", 1),
    ]

    def block(self):
        rng = self.rng
        total = sum(w for _, w in self.BLOCKS)
        r = rng.random() * total
        for name, w in self.BLOCKS:
            if r < w:
                return getattr(self, name)()
            r -= w
        return self.ko_para()

    def planted(self, term):
        rng = self.rng
        p = PLANT[term]
        r = rng.random()
        if self.pools.term_blocks[term] and r < 0.2:
            return rng.choice(self.pools.term_blocks[term])
        if r < 0.6:
            return " ".join([self.ko_sentence(), rng.choice(p["ko"]), self.ko_sentence()][: rng.randint(2, 3)])
        if r < 0.75:
            return "- %s\n\t- %s\n\t- %s" % (rng.choice(p["ko"]), self.ko_sentence(), self.ko_sentence())
        if r < 0.85:
            return rng.choice(p["en"])
        if r < 0.93:
            lang, body = rng.choice(p["code"])
            return "```%s\n%s\n```" % (lang, body)
        return "- %s\n\t- %s" % (rng.choice(p["url"]), rng.choice(p["ko"]))

    # -- the note --------------------------------------------------------------
    def render(self):
        rng = self.rng
        me = self.me
        target = me["size"]
        out = []
        if rng.random() < 0.3:
            tags = sorted(set(rng.sample(TAGS, rng.randint(1, 4))), key=TAGS.index)
            fm = ["---", "title: \"%s\"" % me["title"], "tags: [%s]" % ", ".join(tags)]
            if rng.random() < 0.4:
                fm.append("aliases: [\"%s\"]" % rng.choice(KO_WORDS))
            fm.append("created: %04d-%02d-%02d" % (rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)))
            fm.append("---")
            out.append("\n".join(fm))
        if rng.random() < 0.85:
            out.append("# " + me["title"])
        if rng.random() < 0.5:
            out.append(self.ko_sentence())
        used = sum(len(s.encode("utf-8")) + 2 for s in out)
        heads = list(me["headings"])
        # Which terms this note carries, and in which sections.
        terms = [name for name, _, p in QUERY_TERMS
                 if self.i % FORCE_ALL_TERMS_EVERY == 0 or rng.random() < p]
        plant_at = {}
        for name in terms:
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                plant_at.setdefault(rng.randrange(len(heads)), []).append(name)
        budget = max(60, (target - used) / len(heads))
        hard_max = SIZE_MAX - 100  # room for the closing tags line
        total = used
        for k, (level, text) in enumerate(heads):
            for name in plant_at.get(k, []):
                if rng.random() < 0.15:
                    text = rng.choice(PLANT[name]["heading"])
                    break
            section = ["#" * level + " " + text]
            size = len(section[0].encode("utf-8")) + 2
            blocks = [self.planted(name) for name in plant_at.get(k, [])]
            size += sum(len(b.encode("utf-8")) + 2 for b in blocks)
            while size < budget * 0.88:
                remaining = budget - size
                b = None
                for _attempt in range(3):
                    cand = self.block()
                    n = len(cand.encode("utf-8")) + 2
                    if n <= remaining + 250 and total + size + n <= hard_max:
                        b = cand
                        break
                if b is None:
                    b = self.ko_sentence()
                    if total + size + len(b.encode("utf-8")) + 2 > hard_max:
                        break
                blocks.append(b)
                size += len(b.encode("utf-8")) + 2
            for b in blocks:
                pos = rng.randint(0, len(section) - 1) + 1 if len(section) > 1 else 1
                section.insert(pos, b)
            out.append("\n\n".join(section))
            total += size
        while total < SIZE_MIN + 20:  # tiny notes: pad the last section
            b = self.ko_sentence()
            out.append(b)
            total += len(b.encode("utf-8")) + 2
        if rng.random() < 0.2:
            out.append(" ".join("#" + t for t in rng.sample(TAGS, rng.randint(1, 3))))
        return "\n\n".join(out) + "\n"


def rng_bool(rng, p):
    return rng.random() < p


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------

_G = {}


def _work(i):
    text = NoteWriter(i, _G["plan"], _G["pools"], _G["seed"]).render()
    data = text.encode("utf-8")
    rel = _G["plan"][i]["folder"] + "/" + _G["plan"][i]["title"] + ".md"
    full = os.path.join(_G["out"], rel)
    with open(full, "wb") as f:
        f.write(data)
    hangul = len(HANGUL_RE.findall(text))
    hits = [1 if rx.search(text) else 0 for _, rx in QUERY_RES]
    return i, rel, hashlib.sha256(data).hexdigest(), len(data), len(text), hangul, hits


def params_for(args, shared):
    return {
        "generator_version": GENERATOR_VERSION,
        "generator_sha256": file_sha256(os.path.abspath(__file__)),
        "notes": args.notes,
        "total_bytes_target": int(round(args.total_mb * 1_000_000)),
        "seed": args.seed,
        "source": "shared" if shared else "builtin",
        "source_digest": source_digest(shared),
    }


def manifest_path(args):
    return args.manifest or (os.path.abspath(args.out).rstrip("/") + ".manifest.json")


def verify(args, shared, quiet=False):
    mp = manifest_path(args)
    if not os.path.isdir(args.out) or not os.path.isfile(mp):
        if not quiet:
            print("generate_corpus: no corpus or manifest at %s" % args.out)
        return False
    with open(mp, encoding="utf-8") as f:
        m = json.load(f)
    want = params_for(args, shared)
    if m.get("params") != want:
        if not quiet:
            diff = {k: (m.get("params", {}).get(k), v) for k, v in want.items() if m.get("params", {}).get(k) != v}
            print("generate_corpus: parameters differ: %s" % json.dumps(diff, ensure_ascii=False))
        return False
    got = tree_hash_of(tree_entries(args.out))
    if got != m.get("tree_sha256"):
        if not quiet:
            print("generate_corpus: content changed (tree hash %s, manifest %s)" % (got[:12], m.get("tree_sha256", "")[:12]))
        return False
    return True


def check_vocabulary():
    """The general vocabulary must not contain a query term, or the planted rates mean nothing."""
    words = (KO_NOUNS + KO_VERBS + KO_ADVERBS + KO_NOTE_ENDINGS + [t for pair in EN_TERMS for t in pair] + EN_NOUNS
             + EN_VERBS + EN_ADJ + CODE_SPANS + TAGS + AREAS + TOPICS + URL_SITES + USERS + GENERIC_HEADINGS
             + [body for _, body in CODE_SNIPPETS])
    bad = [w for w in words for _, rx in QUERY_RES if rx.search(w)]
    if bad:
        sys.exit("generate_corpus: query terms in the general vocabulary: %r" % bad)
    for name, p in PLANT.items():
        others = [rx for n, rx in QUERY_RES if n != name]
        for text in p["ko"] + p["en"] + p["heading"] + p["url"] + [b for _, b in p["code"]]:
            if any(rx.search(text) for rx in others) or (text not in p["url"] and not dict(QUERY_RES)[name].search(text)):
                sys.exit("generate_corpus: planted text for %s is wrong: %r" % (name, text))


def generate(args, shared):
    check_vocabulary()
    params = params_for(args, shared)
    pools = load_pools(shared)
    plan = make_plan(args.notes, params["total_bytes_target"], args.seed, pools)
    out = os.path.abspath(args.out)
    tmp = out + ".tmp-%d" % os.getpid()
    shutil.rmtree(tmp, ignore_errors=True)
    for folder in sorted(set(p["folder"] for p in plan)):
        os.makedirs(os.path.join(tmp, folder), exist_ok=True)
    _G.update(plan=plan, pools=pools, seed=args.seed, out=tmp)
    jobs = max(1, args.jobs)
    if jobs > 1:
        import multiprocessing
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            results = pool.map(_work, range(args.notes), chunksize=64)
    else:
        results = [_work(i) for i in range(args.notes)]
    results.sort()
    total_bytes = sum(r[3] for r in results)
    total_chars = sum(r[4] for r in results)
    hangul = sum(r[5] for r in results)
    counts = {name: sum(r[6][k] for r in results) for k, (name, _) in enumerate(QUERY_RES)}
    sizes = sorted(r[3] for r in results)
    for name, c in counts.items():
        if c == 0:
            shutil.rmtree(tmp, ignore_errors=True)
            sys.exit("generate_corpus: query %s has no results; raise its rate" % name)
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)
    edit = min((r for r in results), key=lambda r: (abs(r[3] - 6000), r[1].encode("utf-8")))
    manifest = {
        "params": params,
        "tree_sha256": tree_hash_of([(r[1], r[2]) for r in results]),
        "notes": len(results),
        "folders": len(set(p["folder"] for p in plan)),
        "bytes": total_bytes,
        "chars": total_chars,
        "hangul_chars": hangul,
        "hangul_pct": round(100.0 * hangul / total_chars, 1),
        "size_min": sizes[0], "size_median": sizes[len(sizes) // 2], "size_max": sizes[-1],
        "notes_matching": counts,
        "edit_note": edit[1],
        "pools": pools.sizes(),
    }
    mp = manifest_path(args)
    with open(mp + ".tmp", "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(mp + ".tmp", mp)
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", nargs="?", help="folder to write the notes into (replaced whole)")
    ap.add_argument("--notes", type=int, default=10000)
    ap.add_argument("--total-mb", type=float, default=None,
                    help="total size in MB (10^6 bytes); default 6 KB per note, i.e. 60 for 10,000 notes")
    ap.add_argument("--seed", default=DEFAULT_SEED)
    ap.add_argument("--source", default="auto", help="auto (shared folder if present), builtin, or a folder")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--manifest", default=None)
    ap.add_argument("--if-needed", action="store_true", help="do nothing if OUT already matches its manifest")
    ap.add_argument("--verify", action="store_true", help="only check OUT against its manifest")
    ap.add_argument("--tree-hash", metavar="DIR", help="print the content hash of DIR and exit")
    args = ap.parse_args()
    if args.tree_hash:
        print(tree_hash_of(tree_entries(args.tree_hash)))
        return 0
    if not args.out:
        ap.error("OUT is required")
    if args.total_mb is None:
        args.total_mb = 6.0 * args.notes / 1000
    shared = find_shared(args.source)
    if args.verify:
        return 0 if verify(args, shared) else 1
    if args.if_needed and verify(args, shared, quiet=True):
        print("generate_corpus: %s is up to date" % args.out)
        return 0
    m = generate(args, shared)
    print("generate_corpus: %d notes, %.1f MB, %.1f%% Hangul, source %s, tree %s" % (
        m["notes"], m["bytes"] / 1e6, m["hangul_pct"], m["params"]["source"], m["tree_sha256"][:16]))
    print("generate_corpus: notes matching: %s" % json.dumps(m["notes_matching"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
