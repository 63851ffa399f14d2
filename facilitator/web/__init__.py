"""The participants' room server (issue 14): participants join one session from their own
phones or laptops with a code, write brainstorm cards, word objectives with the live coach,
vote in secret and enter their check-ins; the facilitator's app accepts what they send.

A front end like the TUI: every change goes through `facilitator.workshop`. Modules: `server`
(the aiohttp application and joining), `live` (a device's WebSocket: state, actions, coach),
`views` (what one participant sees), `coach` (the engine in worker threads), `security`
(codes, tokens, limits, headers), `pages` (the HTML and static files), `launch` (opening a
room, its addresses and QR code), `command` (`facilitator room`). See docs/web-room.md.
"""
