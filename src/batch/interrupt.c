#include "interrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

static int pipe_fds[2] = {-1, -1};

static void on_signal(int sig)
{
    int saved = errno;
    unsigned char c = (unsigned char)sig;
    if (write(pipe_fds[1], &c, 1) < 0) {
        /* the pipe is full: a signal is already waiting */
    }
    errno = saved;
}

static void set_handler(void (*handler)(int))
{
    struct sigaction sa = {0};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

zb_status interrupt_catch(void)
{
    if (pipe_fds[0] >= 0)
        return ZB_OK;
    if (pipe(pipe_fds) != 0)
        return ZB_ERR_IO;
    for (int i = 0; i < 2; i++) {
        fcntl(pipe_fds[i], F_SETFD, FD_CLOEXEC);
        fcntl(pipe_fds[i], F_SETFL, O_NONBLOCK);
    }
    set_handler(on_signal);
    return ZB_OK;
}

int interrupt_fd(void)
{
    return pipe_fds[0];
}

int interrupt_take(void)
{
    unsigned char c;
    return pipe_fds[0] >= 0 && read(pipe_fds[0], &c, 1) == 1 ? c : 0;
}

void interrupt_release(void)
{
    if (pipe_fds[0] < 0)
        return;
    set_handler(SIG_DFL);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    pipe_fds[0] = pipe_fds[1] = -1;
}

void interrupt_hold(int block)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}
